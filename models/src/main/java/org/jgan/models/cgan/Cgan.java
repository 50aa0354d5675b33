package org.jgan.models.cgan;

import java.util.List;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.models.TwoPlayerPhases;

/**
 * Conditional GAN, Mirza and Osindero 2014, "Conditional Generative Adversarial Nets", on DCGAN networks with a
 * projection discriminator (Miyato and Koyama 2018) or an auxiliary classifier (AC-GAN, Odena et al. 2017). Works
 * with every loss and regulariser of the toolkit; generated batches use the real batch's labels.
 */
public final class Cgan implements GanVariant {
    @Override
    public String name() {
        return "cgan";
    }

    @Override
    public String citation() {
        return "Mirza and Osindero 2014, Conditional Generative Adversarial Nets; projection D: Miyato and Koyama 2018";
    }

    @Override
    public boolean conditional() {
        return true;
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        CganGenerator g = new CganGenerator(config.model().latentDim(), config.model().width(), shape);
        GanNet d = new ConditionalDiscriminator(config, shape, seed + 7);
        Layers.dcganInit(g, seed);
        g.initConditioning(seed + 3);
        if (!config.reg().spectralNorm()) {
            Layers.dcganInit(d, seed + 1);
        }
        return Players.of(g, d);
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        return new CganGenerator(config.model().latentDim(), config.model().width(), shape);
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        return TwoPlayerPhases.of(config);
    }
}
