package org.jgan.models.text2image;

import org.jgan.core.config.DataConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;

/**
 * The {@code text2image} preset: the {@code dcgan-ema} settings (EMA generator, Karras et al. 2018) on captioned
 * Fashion-MNIST, batches of 32 as the cgan preset trains best, and a 100-image sample grid: ten fixed prompts, one per
 * row. {@code text2image-match} adds the contrastive pretraining (1,000 steps) and AttnGAN's image-text matching term
 * at weight 1 (Xu et al. 2018): on captioned Fashion-MNIST it draws sizes as named far more often and textures a
 * little more often, at the price of some variety within a prompt (docs/results.md, "Text to image").
 * {@code text2image-balanced} adds GAN-INT's interpolated captions (Reed et al. 2016) to that: the variety and FID of
 * the default back with most of the matching term's agreement, for a third more time than {@code text2image-match}.
 * {@code text2image-seek} is {@code text2image-match} with a discriminator without batch norm, whose verdicts on the
 * fakes are no longer normalised batch by batch (sizes and textures drawn as named more often, less variety), and
 * MSGAN's mode-seeking term at weight 0.15 (Mao et al. 2019), which gives most of that variety back, GAN-CLS's joint
 * image-text head in D and a third text-conditioned layer in G.
 */
public final class Text2ImagePresets {
    private Text2ImagePresets() {
    }

    /** The {@code text2image} preset. */
    public static TrainConfig text2image() {
        TrainConfig ema = Presets.byName("dcgan-ema");
        DataConfig d = ema.data();
        ScheduleConfig s = ema.schedule();
        TrainConfig c = ema.withModel(ema.model().withName("text2image"))
                .withData(new DataConfig(TextData.FASHION, 32, d.dropLast(), d.limit(), d.perClass(), d.mirror()))
                .withSchedule(new ScheduleConfig(s.epochs(), s.steps(), s.logEvery(), s.sampleEvery(),
                        s.checkpointEvery(), s.keepCheckpoints(), 100));
        return Text2ImageConfig.defaults().in(c);
    }

    /** The {@code text2image-match} preset: {@link #text2image()} with 1,000 pretraining steps and matching weight 1. */
    public static TrainConfig text2imageMatch() {
        TrainConfig c = text2image();
        return Text2ImageConfig.of(c).withPretrainSteps(1000).withMatchWeight(1).in(c);
    }

    /**
     * The {@code text2image-seek} preset: {@link #text2imageMatch()}, D without batch norm, mode seeking 0.15 and D's
     * joint image-text head (since 2026-12-07: better FID and recall on three seeds, the same agreement) and G's
     * middle layer (since 2026-12-07, later: FID 4.3-4.7 against 5.8-6.4, recall and class up, on three seeds, for
     * about 30% more time).
     */
    public static TrainConfig text2imageSeek() {
        TrainConfig c = text2imageMatch();
        ModelConfig m = c.model();
        c = c.withModel(m.withDNorm("none"));
        return Text2ImageConfig.of(c).withModeSeeking(0.15).withJointHead(true).withMidConv(true).in(c);
    }

    /** The {@code text2image-balanced} preset: {@link #text2imageMatch()} with interpolated captions (GAN-INT). */
    public static TrainConfig text2imageBalanced() {
        TrainConfig c = text2imageMatch();
        return Text2ImageConfig.of(c).withInterpolate(true).in(c);
    }
}
