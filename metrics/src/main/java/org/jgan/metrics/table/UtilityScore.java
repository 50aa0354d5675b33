package org.jgan.metrics.table;

/**
 * One utility metric of a model trained on real rows (TRTR) and on synthetic rows (TSTR), both tested on real rows.
 *
 * @param metric         "accuracy", "macroF1", "mae" or "r2"
 * @param trtr           trained on real, tested on real
 * @param tstr           trained on synthetic, tested on real
 * @param ratio          tstr / trtr (NaN when trtr is 0); for a higher-is-better metric 1 means synthetic rows
 *                       teach as much as real ones, for MAE above 1 means worse
 * @param higherIsBetter whether a higher value is better (false for MAE)
 */
public record UtilityScore(String metric, double trtr, double tstr, double ratio, boolean higherIsBetter) {
    static UtilityScore of(String metric, double trtr, double tstr, boolean higherIsBetter) {
        return new UtilityScore(metric, trtr, tstr, trtr == 0 ? Double.NaN : tstr / trtr, higherIsBetter);
    }
}
