package org.jgan.models.i2i;

import java.util.Set;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.TrainConfig;

/**
 * Settings of the image-to-image variants (section {@code i2i}): Pix2Pix (Isola et al. 2017), CycleGAN (Zhu et al.
 * 2017) and SRGAN (Ledig et al. 2017), the variants' own part of a {@link TrainConfig} ({@link #SECTION}); other
 * variants ignore it. Weights follow the papers; the sizes default to values that fit 28x28 data. A resume keeps it
 * as the run has it: it shapes the networks and the data.
 *
 * @param direction      pix2pix: which side of the pairs is the input, AtoB or BtoA
 * @param lambdaL1       pix2pix: weight of the L1 distance to the target (100 in the paper)
 * @param lambdaCycle    CycleGAN: weight of the cycle-consistency loss (10)
 * @param lambdaIdentity CycleGAN: weight of the identity loss (5, i.e. 0.5 x lambdaCycle); 0 turns it off
 * @param poolSize       CycleGAN: images in each history pool of generated images (50, Shrivastava et al. 2017);
 *                       0 turns the pools off
 * @param lrDecayFrom    fraction of the planned run after which the learning rates fall linearly to 0 (CycleGAN:
 *                       0.5, i.e. 100 epochs constant then 100 decaying); 1 keeps them constant
 * @param blocks         residual blocks of the CycleGAN and SRGAN generators; 0 picks the variant's default
 * @param scale          SRGAN: upscaling factor, 2 or 4 (the low-resolution input is the data downscaled by it)
 * @param featureNet     SRGAN: the feature network of the content loss: "none" (pixel + adversarial loss only),
 *                       "classifier" (jgan's built-in classifier, when the build has it), or the path of a TorchScript
 *                       module taking images in [-1, 1]
 * @param featureWeight  SRGAN: weight of the feature (content) loss
 * @param pixelWeight    SRGAN: weight of the pixel MSE
 * @param advWeight      SRGAN: weight of the adversarial loss (1e-3 in the paper)
 * @param loadSize       resize images to loadSize x loadSize when reading folders (0: keep their size, which must
 *                       then be the same for all)
 * @param crop           train on random crops of crop x crop (0: whole images); translation then resizes inputs to it
 * @param flip           random horizontal flips in training
 */
public record ImageToImageConfig(String direction, double lambdaL1, double lambdaCycle, double lambdaIdentity,
                                 int poolSize, double lrDecayFrom, int blocks, int scale, String featureNet,
                                 double featureWeight, double pixelWeight, double advWeight, int loadSize, int crop,
                                 boolean flip) {
    public static final Set<String> DIRECTIONS = Set.of("AtoB", "BtoA");

    /** The section {@code i2i} of a config. */
    public static final ConfigSection<ImageToImageConfig> SECTION = new ConfigSection<>("i2i",
            ImageToImageConfig.class, ImageToImageConfig::defaults, true);

    public ImageToImageConfig {
        ConfigException.check(DIRECTIONS.contains(direction), "i2i.direction must be AtoB or BtoA, got '"
                + direction + "'");
        ConfigException.check(lambdaL1 >= 0, "i2i.lambdaL1 must be 0 or positive, got " + lambdaL1);
        ConfigException.check(lambdaCycle >= 0, "i2i.lambdaCycle must be 0 or positive, got " + lambdaCycle);
        ConfigException.check(lambdaIdentity >= 0, "i2i.lambdaIdentity must be 0 or positive, got " + lambdaIdentity);
        ConfigException.check(poolSize >= 0 && poolSize <= 10000, "i2i.poolSize must be in 0..10000, got " + poolSize);
        ConfigException.check(lrDecayFrom >= 0 && lrDecayFrom <= 1, "i2i.lrDecayFrom must be in [0, 1] (1: no "
                + "decay), got " + lrDecayFrom);
        ConfigException.check(blocks >= 0 && blocks <= 64, "i2i.blocks must be in 0..64 (0: default), got " + blocks);
        ConfigException.check(scale == 2 || scale == 4, "i2i.scale must be 2 or 4, got " + scale);
        ConfigException.check(featureNet != null && !featureNet.isBlank(), "i2i.featureNet is empty; give none or "
                + "the path of a TorchScript module");
        ConfigException.check(featureWeight >= 0, "i2i.featureWeight must be 0 or positive, got " + featureWeight);
        ConfigException.check(pixelWeight >= 0, "i2i.pixelWeight must be 0 or positive, got " + pixelWeight);
        ConfigException.check(advWeight >= 0, "i2i.advWeight must be 0 or positive, got " + advWeight);
        ConfigException.check(loadSize >= 0 && loadSize <= 4096, "i2i.loadSize must be in 0..4096 (0: keep), got "
                + loadSize);
        ConfigException.check(crop >= 0 && crop <= 4096, "i2i.crop must be in 0..4096 (0: none), got " + crop);
        ConfigException.check(crop == 0 || loadSize == 0 || crop <= loadSize, "i2i.crop (" + crop
                + ") cannot exceed i2i.loadSize (" + loadSize + ")");
    }

    /** The image-to-image settings of {@code config}, validated when the config was made. */
    public static ImageToImageConfig of(TrainConfig config) {
        return SECTION.of(config);
    }

    /** {@code config} with these settings as its {@code i2i} section. */
    public TrainConfig in(TrainConfig config) {
        return SECTION.set(config, this);
    }

    /** The papers' settings; sizes for 28x28 data. */
    public static ImageToImageConfig defaults() {
        return new ImageToImageConfig("AtoB", 100, 10, 5, 50, 1.0, 0, 4, "none", 1.0, 1.0, 1e-3, 0, 0, false);
    }

    /** These settings with {@code lrDecayFrom} replaced. */
    public ImageToImageConfig withLrDecayFrom(double f) {
        return new ImageToImageConfig(direction, lambdaL1, lambdaCycle, lambdaIdentity, poolSize, f, blocks, scale,
                featureNet, featureWeight, pixelWeight, advWeight, loadSize, crop, flip);
    }

    /** True when no feature network is configured. */
    public boolean noFeatureNet() {
        return featureNet.equalsIgnoreCase("none");
    }
}
