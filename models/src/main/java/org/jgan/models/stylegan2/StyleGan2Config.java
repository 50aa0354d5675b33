package org.jgan.models.stylegan2;

import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.TrainConfig;

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
 */
public record StyleGan2Config(double styleMixing, double plWeight, int plEvery) {
    /** The section {@code stylegan2} of a config. */
    public static final ConfigSection<StyleGan2Config> SECTION = new ConfigSection<>("stylegan2",
            StyleGan2Config.class, StyleGan2Config::defaults, false);

    public StyleGan2Config {
        ConfigException.check(styleMixing >= 0 && styleMixing <= 1,
                "stylegan2.styleMixing must be a probability in [0, 1], got " + styleMixing);
        ConfigException.check(plWeight >= 0, "stylegan2.plWeight must be 0 (off) or positive, got " + plWeight);
        ConfigException.check(plEvery >= 1, "stylegan2.plEvery must be at least 1, got " + plEvery);
    }

    /** Style mixing and path length off (path length every 4 steps once turned on), as configs had them before. */
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
