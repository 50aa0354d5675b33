package org.jgan.models.i2i;

import org.jgan.core.config.DataConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.OptimConfig;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;

/**
 * Starting configs of the image-to-image variants, each on its Fashion-MNIST demo task so that
 * {@code jgan train --model NAME --steps N} runs with nothing to download. Losses, weights and optimisers follow the
 * papers; widths, block counts and batch sizes are scaled to 28x28 images and a CPU.
 */
public final class ImageToImagePresets {
    private ImageToImagePresets() {
    }

    private static TrainConfig base(String model, String loss, int width, String data, int batch, OptimConfig optim,
                                    ImageToImageConfig i2i) {
        TrainConfig c = TrainConfig.dcganFashionMnist();
        ModelConfig m = c.model();
        return i2i.in(c.withModel(new ModelConfig(model, m.latentDim(), loss, width, "batch", m.condition()))
                .withData(new DataConfig(data, batch, true, 0))
                .withOptim(optim)
                .withSchedule(new ScheduleConfig(5, 0, 50, 500, 1000, 3, 24)));
    }

    /**
     * Pix2Pix (Isola et al. 2017) on demo:edges2garment: non-saturating loss, L1 weight 100, Adam 2e-4 with betas
     * 0.5/0.999, U-Net and PatchGAN of width 64; batch 16 (the paper used 1 to 10).
     */
    public static TrainConfig pix2pix() {
        return base("pix2pix", "non-saturating", 64, "demo:edges2garment", 16,
                new OptimConfig(2e-4, 2e-4, 0.5, 0.999, 0, 1), ImageToImageConfig.defaults());
    }

    /**
     * CycleGAN (Zhu et al. 2017) on demo:sneaker2boot: least squares, cycle 10, identity 5, pools of 50, Adam 2e-4
     * with betas 0.5/0.999 decaying linearly over the second half; width 32 and 6 residual blocks (the paper's
     * 128-pixel setting at half width); batch 4 (the paper used 1).
     */
    public static TrainConfig cyclegan() {
        return base("cyclegan", "least-squares", 32, "demo:sneaker2boot", 4,
                new OptimConfig(2e-4, 2e-4, 0.5, 0.999, 0, 1), ImageToImageConfig.defaults().withLrDecayFrom(0.5));
    }

    /**
     * SRGAN (Ledig et al. 2017) x4 on Fashion-MNIST: non-saturating loss at weight 1e-3 beside the pixel MSE, Adam 1e-4
     * with betas 0.9/0.999 as in the paper; SRResNet of width 32 with 8 blocks (the paper: 64 and 16); batch 16.
     */
    public static TrainConfig srgan() {
        ImageToImageConfig d = ImageToImageConfig.defaults();
        return base("srgan", "non-saturating", 32, "fashion-mnist", 16, new OptimConfig(1e-4, 1e-4, 0.9, 0.999, 0, 1),
                new ImageToImageConfig(d.direction(), d.lambdaL1(), d.lambdaCycle(), d.lambdaIdentity(), d.poolSize(),
                        d.lrDecayFrom(), 8, 4, "none", d.featureWeight(), d.pixelWeight(), d.advWeight(), 0, 0,
                        false));
    }
}
