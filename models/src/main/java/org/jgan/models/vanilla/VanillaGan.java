package org.jgan.models.vanilla;

import java.util.List;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.models.TwoPlayerPhases;

/**
 * The original GAN with MLP players, Goodfellow et al. 2014, "Generative Adversarial Nets". Weights keep libtorch's
 * default (Kaiming-uniform) initialisation, which trains these fully connected nets better than N(0, 0.02).
 */
public final class VanillaGan implements GanVariant {
    @Override
    public String name() {
        return "vanilla";
    }

    @Override
    public String citation() {
        return "Goodfellow et al. 2014, Generative Adversarial Nets";
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        return Players.of(buildGenerator(config, shape), new MlpDiscriminator(config, shape, seed));
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        return new MlpGenerator(config.model().latentDim(), config.model().width(), shape);
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        return TwoPlayerPhases.of(config);
    }
}
