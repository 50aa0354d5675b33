package org.jgan.models.cgan;

import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.reg.ModeSeeking;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.models.TwoPlayerPhases;

/**
 * Conditional GAN, Mirza and Osindero 2014, "Conditional Generative Adversarial Nets", on DCGAN networks with a
 * projection discriminator (Miyato and Koyama 2018) or an auxiliary classifier (AC-GAN, Odena et al. 2017). Works
 * with every loss and regulariser of the toolkit; generated batches use the real batch's labels. Its own settings
 * ({@link CganConfig}): how G takes the class, the mode-seeking term (Mao et al. 2019), and DCGAN's generator or
 * SNGAN's residual one (Miyato et al. 2018).
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
        GanNet g = generator(config, shape);
        GanNet d = new ConditionalDiscriminator(config, shape, seed + 7);
        Layers.dcganInit(g, seed);
        ((ClassConditioned) g).initConditioning(seed + 3);
        if (!config.reg().spectralNorm()) {
            Layers.dcganInit(d, seed + 1);
        }
        return Players.of(g, d);
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        return generator(config, shape);
    }

    private static GanNet generator(TrainConfig config, DataShape shape) {
        CganConfig cfg = CganConfig.of(config);
        int latent = config.model().latentDim();
        int width = config.model().width();
        return cfg.generator().equals("resnet") ? new ResNetGenerator(latent, width, shape, cfg)
                : new CganGenerator(latent, width, shape, cfg);
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        double weight = CganConfig.of(config).modeSeeking();
        if (weight == 0) {
            return TwoPlayerPhases.of(config);
        }
        // G's phase also keeps same-class images apart (MSGAN); D's phases are the classic ones.
        return TwoPlayerPhases.of(config).stream().map(p -> !p.group().equals(Players.G) ? p
                : new Phase(p.name(), p.group(), p.every(), p.critic(), ctx -> {
                    Tensor ms = ModeSeeking.loss(ctx.z(), ctx.fake(), ctx.labels());
                    ctx.report("Reg/modeSeeking", ms);
                    return p.loss().compute(ctx).add(ms.mul(new Scalar(weight)));
                })).toList();
    }
}
