package org.jgan.core.data.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a numeric column holds exactly in a large share of its rows (the zeros of a zero-inflated column), each
 * to become a mode of spread 0 of its {@link ModeSpecificNormalizer}: at most {@value #MAX}, each held by at least
 * {@value #MIN_SHARE} of the values and by two rows at least, the most frequent first, as CTAB-GAN's mixed columns
 * (Zhao et al. 2021).
 *
 * @param values the point masses' values
 * @param shares the share of the column each holds
 */
public record PointMasses(double[] values, double[] shares) {
    /** A value held by fewer rows than this share is left to the Gaussian modes. */
    static final double MIN_SHARE = 0.1;
    /** More frequent values than this would make a continuous column a categorical one. */
    static final int MAX = 3;

    /** The point masses of {@code column} (finite values). */
    public static PointMasses of(double[] column) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double v : column) {
            // +0.0 for -0.0: one value, as a CSV reader sees it
            counts.merge(v + 0.0, 1, Integer::sum);
        }
        List<Map.Entry<Double, Integer>> frequent = new ArrayList<>();
        for (Map.Entry<Double, Integer> e : counts.entrySet()) {
            // in integers (0.1 * 30 is 3.0000000000000004); a value held once is never a mass, however short the column
            if (e.getValue() >= 2 && Math.round(1 / MIN_SHARE) * e.getValue() >= column.length) {
                frequent.add(e);
            }
        }
        // most frequent first, ties by value, so the choice does not depend on the map's order
        frequent.sort((a, b) -> a.getValue().equals(b.getValue()) ? Double.compare(a.getKey(), b.getKey())
                : Integer.compare(b.getValue(), a.getValue()));
        int n = Math.min(MAX, frequent.size());
        double[] values = new double[n];
        double[] shares = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = frequent.get(i).getKey();
            shares[i] = (double) frequent.get(i).getValue() / column.length;
        }
        return new PointMasses(values, shares);
    }

    /** The values of {@code column} that are none of the point masses. */
    double[] without(double[] column) {
        return Arrays.stream(column).filter(v -> Arrays.stream(values).noneMatch(p -> p == v)).toArray();
    }
}
