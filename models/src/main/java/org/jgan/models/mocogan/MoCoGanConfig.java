package org.jgan.models.mocogan;

import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.clips.MotionSpec;

/**
 * The MoCoGAN variant's own settings (section {@code mocogan} of a {@link TrainConfig}, {@link #SECTION}): the clips
 * and the networks. Kept on resume: they shape both.
 *
 * @param frames      frames per clip (a user's clips are cut to this many)
 * @param size        side of moving Fashion-MNIST's square frames in pixels (a user's clips keep their own size)
 * @param garments    garments per moving Fashion-MNIST clip, 1 or 2
 * @param minSpeed    slowest garment speed in pixels per frame
 * @param maxSpeed    fastest garment speed in pixels per frame
 * @param contentDim  how much of the latent is the content code, fixed for the whole clip; the rest of
 *                    {@code model.latentDim} drives the motion (Tulyakov et al. 2018 use 50 of content)
 * @param motionDim   the recurrent motion code's size (the GRU's hidden units; MoCoGAN: 10)
 * @param imageFrames frames per clip that the frame discriminator sees each step (MoCoGAN samples single frames)
 * @param generator   {@code warp}: motion codes warp a content canvas drawn once per clip ({@link WarpVideoGenerator},
 *                    the default); {@code bounce}: the same with a garment-size canvas whose shift bounces off the frame's edges;
 *                    {@code frames}: every frame drawn from [content, motion code], as MoCoGAN
 *                    ({@link VideoGenerator})
 * @param batchStd    the clip discriminator also sees how much the clips of a group of 4 differ (minibatch standard
 *                    deviation, Karras et al. 2018), against clips that all move alike
 * @param upsample    how the warp generators' canvas grows: {@code transposed} (DCGAN's stride-2 transposed
 *                    convolutions, the default and what runs made before the key had) or {@code resize}
 *                    (nearest-neighbour doubling, then a 3x3 convolution; Odena et al. 2016, "Deconvolution and
 *                    checkerboard artifacts"), which drew thinner, speckled garments here (docs/results.md)
 * @param placement   how the warp generators move the canvas when sampling (training always warps sub-pixel):
 *                    {@code subpixel} (shift, bounded scale and turn, resampled bilinearly, as trained; what runs made
 *                    before the key have) or {@code pixel} (the shift rounded to whole pixels, no scale or turn, so
 *                    every frame is an exact copy of the canvas, as garments move in moving Fashion-MNIST; the
 *                    default)
 * @param shade       whether the warp generators may shade each frame (a gain and an offset per channel from the
 *                    frame's motion code: fades, flicker, lighting); off, every frame is the canvas moved, as in
 *                    moving Fashion-MNIST, whose garments never change brightness (the default). Absent from
 *                    older configs: on, as they trained
 * @param frameD      the frame discriminator D_I: {@code dcgan} (three strided 4x4 convolutions, what runs made
 *                    before the key have) or {@code sngan} (each followed by a 3x3 convolution at its resolution, as
 *                    SNGAN's standard CNN, Miyato et al. 2018; the default). Absent from older configs: {@code dcgan},
 *                    as they trained
 */
public record MoCoGanConfig(int frames, int size, int garments, double minSpeed, double maxSpeed, int contentDim,
                            int motionDim, int imageFrames, String generator, Boolean batchStd,
                            String upsample, String placement, Boolean shade, String frameD) {
    /** The section {@code mocogan} of a config. */
    public static final ConfigSection<MoCoGanConfig> SECTION = new ConfigSection<>("mocogan", MoCoGanConfig.class,
            MoCoGanConfig::defaults, true);

    public MoCoGanConfig {
        new MotionSpec(frames, size, garments, minSpeed, maxSpeed);  // validates the clip settings with their messages
        ConfigException.check(contentDim >= 1, "mocogan.contentDim must be at least 1, got " + contentDim);
        ConfigException.check(motionDim >= 1 && motionDim <= 1024, "mocogan.motionDim must be in 1..1024, got "
                + motionDim);
        ConfigException.check(imageFrames >= 1 && imageFrames <= frames, "mocogan.imageFrames must be in 1.."
                + frames + " (the frames of a clip), got " + imageFrames);
        generator = generator == null ? "warp" : generator;
        batchStd = batchStd != null && batchStd;  // absent from configs written before it: off, as they trained
        // absent from configs written before it: as they trained
        upsample = upsample == null ? "transposed" : upsample;
        ConfigException.check(upsample.equals("resize") || upsample.equals("transposed"),
                "mocogan.upsample must be resize or transposed, got " + upsample);
        placement = placement == null ? "subpixel" : placement;  // absent from older configs: as they trained
        ConfigException.check(placement.equals("subpixel") || placement.equals("pixel"),
                "mocogan.placement must be subpixel or pixel, got " + placement);
        shade = shade == null || shade;
        frameD = frameD == null ? "dcgan" : frameD;  // absent from older configs: as they trained
        ConfigException.check(frameD.equals("dcgan") || frameD.equals("sngan"),
                "mocogan.frameD must be dcgan or sngan, got " + frameD);
        ConfigException.check(placement.equals("subpixel") || !"frames".equals(generator),
                "mocogan.placement=pixel moves the canvas of the warp and bounce generators; the frames generator "
                + "draws every frame and has none");
        ConfigException.check(generator.equals("warp") || generator.equals("bounce") || generator.equals("frames"),
                "mocogan.generator must be warp, bounce or frames, got " + generator);
    }

    /** Settings with D_I as runs before {@code frameD} had it (three strided convolutions). */
    public MoCoGanConfig(int frames, int size, int garments, double minSpeed, double maxSpeed, int contentDim,
                         int motionDim, int imageFrames, String generator, Boolean batchStd, String upsample,
                         String placement, Boolean shade) {
        this(frames, size, garments, minSpeed, maxSpeed, contentDim, motionDim, imageFrames, generator, batchStd,
                upsample, placement, shade, null);
    }

    /** Settings as runs before {@code placement} had them (sub-pixel warps, shaded frames). */
    public MoCoGanConfig(int frames, int size, int garments, double minSpeed, double maxSpeed, int contentDim,
                         int motionDim, int imageFrames, String generator, Boolean batchStd, String upsample) {
        this(frames, size, garments, minSpeed, maxSpeed, contentDim, motionDim, imageFrames, generator, batchStd,
                upsample, null, null, null);
    }

    /**
     * 16 frames of 48x48, one garment at 1 to 3 pixels per frame; content code 50, motion code 16, 4 frames to D_I;
     * bouncing warps of a canvas grown by transposed convolutions, minibatch deviation in D_V; whole-pixel sampling;
     * unshaded frames (moving Fashion-MNIST never shades; with shading, one seed of three flickered and its measured
     * paths wobbled: docs/results.md); SNGAN's deeper D_I (with the three strided convolutions alone the garments
     * came out speckled and blocky, and fewer clips kept one class; it makes a step 1.6x slower: docs/results.md).
     */
    public static MoCoGanConfig defaults() {
        MotionSpec m = MotionSpec.standard();
        return new MoCoGanConfig(m.frames(), m.size(), m.garments(), m.minSpeed(), m.maxSpeed(), 50, 16, 4, "bounce",
                true, "transposed", "pixel", false, "sngan");
    }

    /** These settings with {@code d} as {@link #frameD}. */
    public MoCoGanConfig withFrameD(String d) {
        return new MoCoGanConfig(frames, size, garments, minSpeed, maxSpeed, contentDim, motionDim, imageFrames,
                generator, batchStd, upsample, placement, shade, d);
    }

    /** The mocogan settings of {@code config}, checked against its latent size. */
    public static MoCoGanConfig of(TrainConfig config) {
        MoCoGanConfig c = SECTION.of(config);
        ConfigException.check(c.contentDim() < config.model().latentDim(), "mocogan.contentDim ("
                + c.contentDim() + ") must be below model.latentDim (" + config.model().latentDim()
                + "): the rest of the latent drives the motion");
        return c;
    }

    /** {@code config} with these settings as its {@code mocogan} section. */
    public TrainConfig in(TrainConfig config) {
        return SECTION.set(config, this);
    }

    /** How moving Fashion-MNIST clips are made. */
    public MotionSpec motion() {
        return new MotionSpec(frames, size, garments, minSpeed, maxSpeed);
    }
}
