package org.jgan.metrics.series;

/**
 * How much one feature of synthetic windows moves from one step to the next, against real windows: the check that
 * catches a model which learnt the levels of a series but not its step-to-step swings (near-flat windows at plausible
 * levels, which TimeGAN's scores of Yoon et al. 2019 can rate as fair on noisy data). Values are in the real windows'
 * [0, 1] scale per feature, as TimeGAN's scores are.
 *
 * @param name      the feature
 * @param real      mean |x[t + 1] - x[t]| over the real windows
 * @param synthetic the same over the synthetic windows; far below {@code real}: too smooth, far above: too rough
 * @param shuffled  the same over real windows shuffled in time (what no dynamics at all gives)
 * @param ks        two-sample Kolmogorov-Smirnov statistic between the real and the synthetic signed changes, 0..1
 */
public record StepChange(String name, double real, double synthetic, double shuffled, double ks) {
    /** synthetic / real: 1 is the real amount of movement (NaN when real windows never move). */
    public double ratio() {
        return real > 0 ? synthetic / real : Double.NaN;
    }
}
