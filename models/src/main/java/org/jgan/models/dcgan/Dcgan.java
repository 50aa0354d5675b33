package org.jgan.models.dcgan;

import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.models.TwoPlayerPhases;

/** DCGAN, Radford, Metz and Chintala 2015, "Unsupervised Representation Learning with Deep Convolutional GANs". */
public final class Dcgan implements GanVariant {
    @Override
    public String name() {
        return "dcgan";
    }

    @Override
    public String citation() {
        return "Radford, Metz and Chintala 2015, Unsupervised Representation Learning with Deep Convolutional GANs";
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        if (shape.height() % 4 != 0 || shape.width() % 4 != 0) {
            throw new ConfigException("dcgan needs image sides divisible by 4, got " + shape.height() + "x"
                    + shape.width());
        }
        GanNet g = buildGenerator(config, shape);
        GanNet d = new DcganDiscriminator(config, shape, seed + 7);
        Layers.dcganInit(g, seed);
        if (!config.reg().spectralNorm()) {
            // Spectral norm rescales weights itself; N(0, 0.02) would only shrink the pre-normalised ones.
            Layers.dcganInit(d, seed + 1);
        }
        return Players.of(g, d);
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        return new DcganGenerator(config.model().latentDim(), config.model().width(), shape);
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        return TwoPlayerPhases.of(config);
    }
}
