package org.jgan.metrics.series;

/**
 * How two temporal features of synthetic windows go together, against real windows: Pearson's r of their values and
 * of their step-to-step changes x[t + 1] - x[t]. Each feature can move as much as its real counterpart
 * ({@link StepChange}) while the pair moves together far more, or less, than real ones do; on seattle-weather that
 * was what told TimeGAN's windows (Yoon et al. 2019) from real ones when each feature alone was hard to tell.
 *
 * @param first            one feature
 * @param second           the other
 * @param realValues       r of the two features' values over every step of the real windows
 * @param syntheticValues  the same over the synthetic windows
 * @param realChanges      r of their step-to-step changes over the real windows
 * @param syntheticChanges the same over the synthetic windows
 */
public record FeaturePair(String first, String second, double realValues, double syntheticValues,
                          double realChanges, double syntheticChanges) {
    /** The larger of |r synthetic - r real| for the values and for the changes (NaN where r is undefined). */
    public double gap() {
        return Math.max(Math.abs(syntheticValues - realValues), Math.abs(syntheticChanges - realChanges));
    }
}
