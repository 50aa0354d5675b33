package org.jgan.models.stylegan2;

import org.jgan.core.config.DataConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.OptimConfig;
import org.jgan.core.config.RegConfig;
import org.jgan.core.config.TrainConfig;

/** Starting configs of StyleGAN2 (Karras et al. 2020), listed by {@code Presets} as {@code stylegan2(-cond)}. */
public final class StyleGan2Presets {
    private StyleGan2Presets() {
    }

    /**
     * StyleGAN2 scaled down for a CPU: z and w of 128, a mapping network of 2 layers (stylegan2-ada-pytorch's CIFAR-10
     * config; the paper's 8 gave less varied samples in the same time here), at most 64 channels (32 at 32x32), batch
     * 16 (32 gave a worse FID in the same time), Adam 0.0025 with betas 0/0.99 as in the paper, non-saturating loss,
     * lazy R1 (gamma 0.1 every 16 steps), style mixing with probability 0.9, path-length regularisation available but
     * off (stylegan2.plWeight=2 turns it on), EMA generator.
     */
    public static TrainConfig stylegan2() {
        TrainConfig c = TrainConfig.dcganFashionMnist();
        return new StyleGan2Config(0.9, 0, 4, 2).in(
                c.withModel(new ModelConfig("stylegan2", 128, "non-saturating", 64, "none", "projection"))
                        .withData(new DataConfig(c.data().source(), 16, true, 0))
                        .withOptim(new OptimConfig(0.0025, 0.0025, 0.0, 0.99, 0.998, 1))
                        .withReg(new RegConfig(0, 0.1, 16, false, 1.0, "")));
    }

    /**
     * The same with class labels: G and a projection D take them ("stylegan2-cond"), at the paper's batch 32 and 8
     * mapping layers: batch 16 with 2 layers improved FID, precision and class accuracy here but lowered the variety
     * within each class (0.69 against 0.78, one seed), so the conditional preset stays as it was measured.
     */
    public static TrainConfig stylegan2Cond() {
        TrainConfig c = stylegan2();
        StyleGan2Config s = StyleGan2Config.of(c);
        return new StyleGan2Config(s.styleMixing(), s.plWeight(), s.plEvery(), StyleGan2Config.PAPER_MAPPING_LAYERS)
                .in(c.withModel(c.model().withName("stylegan2-cond"))
                        .withData(new DataConfig(c.data().source(), 32, true, 0)));
    }
}
