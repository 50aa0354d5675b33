package org.jgan.models.mocogan;

import org.jgan.core.config.DataConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.OptimConfig;
import org.jgan.core.config.RegConfig;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.clips.ClipSources;

/**
 * The {@code mocogan} and {@code mocogan-cond} presets (Tulyakov et al. 2018, scaled for a CPU): moving
 * Fashion-MNIST (16 frames of 48x48), a latent of 50 content + 16 motion-seed values, a 16-unit motion GRU, networks of
 * width 32 (128-64-32 channels), DCGAN's Adam (betas 0.5/0.999, as MoCoGAN's code) at 2e-4 for G and 4e-4 for both
 * discriminators (TTUR, Heusel et al. 2017), batches of 16 clips, an EMA generator (0.999), 4 frames per clip for the
 * frame discriminator, which has SNGAN's 3x3 convolutions between its strided ones (the conditional preset's has
 * not); the bouncing warp generator and the minibatch deviation in the clip discriminator
 * ({@link MoCoGanConfig#defaults()}); 6,000 steps, where every figure of docs/results.md was measured (at 3,000 the
 * Fréchet distance was 39 against 27 and the conditional preset drew the class asked for 53-60% of the time
 * against 78%).
 *
 * <p>Why spectral norm and the hinge loss in both discriminators (SNGAN, Miyato et al. 2018) rather than MoCoGAN's
 * batch norm and cross-entropy: with those, both discriminators won within 250 steps (D(G(z)) 0.006, G's loss 11) and
 * the clips stayed grey noise; with spectral norm D(G(z)) stayed near 0.35 and garments appeared by step 500. Why
 * the faster discriminators: at 2e-4 both hovered near chance (hinge loss near 2) and the garments stayed blotchy;
 * at 4e-4 the Fréchet distance after 3,000 steps fell from 129 to 32 (docs/results.md).
 */
public final class MoCoGanPresets {
    private MoCoGanPresets() {
    }

    /** The {@code mocogan} preset. */
    public static TrainConfig mocogan() {
        TrainConfig base = TrainConfig.dcganFashionMnist();
        TrainConfig c = base.withModel(new ModelConfig(MoCoGan.NAME, 66, "hinge", 32, "none", "projection"))
                .withData(new DataConfig(ClipSources.MOVING_FASHION_MNIST, 16, true, 0))
                .withOptim(new OptimConfig(2e-4, 4e-4, 0.5, 0.999, 0.999, 1))
                .withReg(new RegConfig(0, 0, 1, true, 1.0, ""))
                .withSchedule(new ScheduleConfig(0, 6000, 50, 250, 500, 3, 16));
        return MoCoGanConfig.defaults().in(c);
    }

    /**
     * The {@code mocogan-cond} preset: the same with the class given to G and both discriminators, and DCGAN's D_I
     * (three strided convolutions), with which every conditional figure was measured; its garments were not
     * speckled as the unconditional ones were.
     */
    public static TrainConfig mocoganCond() {
        TrainConfig c = mocogan();
        c = MoCoGanConfig.of(c).withFrameD("dcgan").in(c);
        return c.withModel(c.model().withName(MoCoGan.CONDITIONAL));
    }
}
