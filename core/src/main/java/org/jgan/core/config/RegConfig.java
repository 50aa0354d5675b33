package org.jgan.core.config;

import java.util.Set;

/**
 * Regularisers and tricks that stabilise training; each is one setting. Those of one variant only live in its own
 * section (StyleGAN2's style mixing and path length: {@code stylegan2}).
 *
 * @param gpWeight     WGAN-GP gradient penalty weight lambda (Gulrajani et al. 2017); 0 turns it off
 * @param r1Gamma      R1 penalty gamma (Mescheder et al. 2018); 0 turns it off
 * @param r1Every      apply R1 every k steps, scaled by k, with Adam's rate and betas rescaled (lazy
 *                     regularisation, Karras et al. 2020); 1 applies it every step
 * @param spectralNorm spectral normalisation of every discriminator weight (Miyato et al. 2018)
 * @param realLabel    target for real images in logistic losses; 0.9 is one-sided label smoothing (Salimans et al.
 *                     2016), 1 turns it off
 * @param diffAugment  comma-separated DiffAugment policy (Zhao et al. 2020): translation, cutout, color; empty: off
 */
public record RegConfig(double gpWeight, double r1Gamma, int r1Every, boolean spectralNorm, double realLabel,
                        String diffAugment) {
    public static final Set<String> AUGMENTS = Set.of("translation", "cutout", "color");

    public RegConfig {
        ConfigException.check(gpWeight >= 0, "reg.gpWeight must be 0 (off) or positive, got " + gpWeight);
        ConfigException.check(r1Gamma >= 0, "reg.r1Gamma must be 0 (off) or positive, got " + r1Gamma);
        ConfigException.check(r1Every >= 1, "reg.r1Every must be at least 1, got " + r1Every);
        ConfigException.check(realLabel > 0.5 && realLabel <= 1,
                "reg.realLabel must be in (0.5, 1] (0.9 = one-sided label smoothing), got " + realLabel);
        diffAugment = diffAugment == null ? "" : diffAugment.trim();
        for (String a : augments(diffAugment)) {
            ConfigException.check(AUGMENTS.contains(a), "reg.diffAugment: unknown policy '" + a + "'; use a "
                    + "comma-separated subset of translation, cutout, color");
        }
    }

    public static RegConfig none() {
        return new RegConfig(0, 0, 1, false, 1.0, "");
    }

    /** The DiffAugment policies in order. */
    public java.util.List<String> augments() {
        return augments(diffAugment);
    }

    private static java.util.List<String> augments(String s) {
        return s.isEmpty() ? java.util.List.of()
                : java.util.Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
