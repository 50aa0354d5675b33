package org.jgan.models.stylegan2;

import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.MinibatchStd;

/**
 * StyleGAN2's own regularisers (section {@code stylegan2} of a {@link TrainConfig}, {@link #SECTION}); other
 * variants ignore them. Config files written before the section existed held these keys in {@code reg}
 * ({@code reg.styleMixing}, ...); reading such a file moves them here. A resume may change them, like the shared
 * regularisers.
 *
 * @param styleMixing probability that a generated batch mixes the styles of two latents at a random layer
 *                    (style-mixing regularisation, Karras et al. 2019); 0 turns it off
 * @param plWeight    path-length regularisation weight (Karras et al. 2020); 0 turns it off
 * @param plEvery     apply path-length regularisation every k steps, scaled by k, with G's Adam rate and betas
 *                    rescaled as for lazy R1
 * @param mappingLayers fully connected layers of the mapping network: 8 in the paper (and in configs written before
 *                    the key, which leave it out); stylegan2-ada-pytorch's small-data configs (CIFAR-10) use 2. It
 *                    shapes G, so a resume keeps it
 * @param mbstdGroup  the largest group of samples whose spread D's minibatch standard deviation layer measures:
 *                    4 in the papers (and in configs written before the key); stylegan2-ada-pytorch's CIFAR-10
 *                    config uses 32. It shapes no weights, so a resume may change it
 */
public record StyleGan2Config(double styleMixing, double plWeight, int plEvery, Integer mappingLayers,
                              Integer mbstdGroup) {
    /** The mapping network's depth in the paper, and in runs made before the key existed. */
    public static final int PAPER_MAPPING_LAYERS = 8;

    /** The section {@code stylegan2} of a config. */
    public static final ConfigSection<StyleGan2Config> SECTION = new ConfigSection<>("stylegan2",
            StyleGan2Config.class, StyleGan2Config::defaults, false, List.of("mappingLayers"));

    public StyleGan2Config {
        ConfigException.check(styleMixing >= 0 && styleMixing <= 1,
                "stylegan2.styleMixing must be a probability in [0, 1], got " + styleMixing);
        ConfigException.check(plWeight >= 0, "stylegan2.plWeight must be 0 (off) or positive, got " + plWeight);
        ConfigException.check(plEvery >= 1, "stylegan2.plEvery must be at least 1, got " + plEvery);
        mappingLayers = mappingLayers == null ? PAPER_MAPPING_LAYERS : mappingLayers;  // absent: as older runs trained
        ConfigException.check(mappingLayers >= 1 && mappingLayers <= 16,
                "stylegan2.mappingLayers must be in 1..16, got " + mappingLayers);
        mbstdGroup = mbstdGroup == null ? MinibatchStd.PAPER_GROUP : mbstdGroup;  // absent: as older runs trained
        ConfigException.check(mbstdGroup >= 1 && mbstdGroup <= 1024,
                "stylegan2.mbstdGroup must be in 1..1024, got " + mbstdGroup);
    }

    /** These regularisers and mapping depth, with the papers' minibatch standard deviation groups of 4. */
    public StyleGan2Config(double styleMixing, double plWeight, int plEvery, Integer mappingLayers) {
        this(styleMixing, plWeight, plEvery, mappingLayers, MinibatchStd.PAPER_GROUP);
    }

    /** The paper's mapping network (8 layers) with these regularisers. */
    public StyleGan2Config(double styleMixing, double plWeight, int plEvery) {
        this(styleMixing, plWeight, plEvery, PAPER_MAPPING_LAYERS);
    }

    /**
     * Style mixing and path length off (path length every 4 steps once turned on), the paper's mapping network: as
     * configs had them before.
     */
    public static StyleGan2Config defaults() {
        return new StyleGan2Config(0, 0, 4);
    }

    /** The StyleGAN2 settings of {@code config}, validated when the config was made. */
    public static StyleGan2Config of(TrainConfig config) {
        return SECTION.of(config);
    }

    /** {@code config} with these settings as its {@code stylegan2} section. */
    public TrainConfig in(TrainConfig config) {
        return SECTION.set(config, this);
    }
}
