package org.jgan.metrics.series;

/**
 * How one static feature goes with one statistic of one temporal feature over windows, in real windows, synthetic
 * ones and real ones with their statics shuffled across windows (the baseline of a model that ignores its statics):
 * Pearson's r for a numeric static, the correlation ratio (eta, 0..1) for a categorical one. A score is 1 - |real -
 * other| / 2 for r and 1 - |real - other| for eta, 0..1, 1 meaning the same link (after SDMetrics' correlation
 * similarity, as the table report scores pairs of columns). NaN where undefined (a constant side).
 *
 * @param feature        the temporal feature
 * @param statistic      "mean" or "std" of that feature over a window's steps
 * @param real           the association in the real windows
 * @param synthetic      in the synthetic windows
 * @param shuffled       in the real windows with statics shuffled across windows
 * @param score          similarity of synthetic to real
 * @param scoreShuffled  similarity of shuffled to real
 */
public record StaticLink(String feature, String statistic, double real, double synthetic, double shuffled,
                         double score, double scoreShuffled) {
}
