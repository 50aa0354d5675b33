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
 * @param realBend  mean |x[t + 1] - 2 x[t] + x[t - 1]| over the real windows: how much the changes themselves change
 * @param syntheticBend the same over the synthetic windows; far above {@code realBend}: jitter around the curve,
 *                  which the amount of movement alone hides and a post-hoc classifier finds at once (TimeGAN's
 *                  sines: movement 0.88-1.03x real's with 1.7-4.9x real's bend, docs/results.md)
 */
public record StepChange(String name, double real, double synthetic, double shuffled, double ks, double realBend,
                         double syntheticBend) {
    /** synthetic / real: 1 is the real amount of movement (NaN when real windows never move). */
    public double ratio() {
        return real > 0 ? synthetic / real : Double.NaN;
    }

    /** syntheticBend / realBend: 1 is the real smoothness (NaN when real windows move in straight lines). */
    public double bendRatio() {
        return realBend > 0 ? syntheticBend / realBend : Double.NaN;
    }
}
