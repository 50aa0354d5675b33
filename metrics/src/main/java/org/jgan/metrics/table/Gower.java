package org.jgan.metrics.table;

import org.jgan.core.data.table.Table;

/**
 * Gower's distance between rows of tables that share a real table's columns (Gower 1971, "A general coefficient of
 * similarity and some of its properties"): the mean over columns of a per-column distance in 0..1. Numeric:
 * |a - b| / (the real training column's range), capped at 1 (a synthetic value far outside the range is as far as it
 * gets; a constant real column gives 0 for equal values, 1 otherwise). Categorical and boolean: 0 when equal, else 1
 * (a category the real table never had equals nothing). A missing cell against a present one: 1; both missing: 0.
 */
final class Gower {
    private final int columns;
    private final boolean[] numeric;
    private final double[] range;

    /** The distance whose numeric scales are the ranges of {@code train}'s columns. */
    Gower(Table train) {
        columns = train.columns();
        numeric = new boolean[columns];
        range = new double[columns];
        Aligned t = new Aligned(train, train);
        for (int c = 0; c < columns; c++) {
            numeric[c] = train.type(c).numeric();
            if (numeric[c]) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double x : t.numbers(c)) {
                    if (!Double.isNaN(x)) {
                        lo = Math.min(lo, x);
                        hi = Math.max(hi, x);
                    }
                }
                range[c] = hi > lo ? hi - lo : 0;
            }
        }
    }

    /** The rows of {@code t} as a row-major matrix of values: numbers, or reference codes as doubles; NaN missing. */
    double[][] rows(Aligned t) {
        double[][] cols = new double[columns][];
        for (int c = 0; c < columns; c++) {
            if (numeric[c]) {
                cols[c] = t.numbers(c);
            } else {
                int[] k = t.codes(c);
                cols[c] = new double[k.length];
                for (int r = 0; r < k.length; r++) {
                    // UNSEEN (-2) stays a value no real code equals; only -1 (missing) becomes NaN.
                    cols[c][r] = k[r] == -1 ? Double.NaN : k[r] == Aligned.UNSEEN ? Double.NEGATIVE_INFINITY : k[r];
                }
            }
        }
        double[][] out = new double[t.rows()][columns];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < columns; c++) {
                out[r][c] = cols[c][r];
            }
        }
        return out;
    }

    /** The distance between two rows of {@link #rows}, 0..1. */
    double distance(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < columns; c++) {
            sum += cell(c, a[c], b[c]);
        }
        return sum / columns;
    }

    private double cell(int c, double a, double b) {
        boolean ma = Double.isNaN(a);
        boolean mb = Double.isNaN(b);
        if (ma || mb) {
            return ma && mb ? 0 : 1;
        }
        if (!numeric[c] || range[c] == 0) {
            return a == b ? 0 : 1;
        }
        return Math.min(1, Math.abs(a - b) / range[c]);
    }

    /** For each row of {@code from}, the distance to its closest row in {@code to} (the DCR); NaN when {@code to} is empty. */
    double[] closest(double[][] from, double[][] to) {
        double[] d = new double[from.length];
        for (int i = 0; i < from.length; i++) {
            double best = Double.NaN;
            for (double[] row : to) {
                double x = distance(from[i], row);
                if (!(x >= best)) {
                    best = x;
                    if (x == 0) {
                        break;
                    }
                }
            }
            d[i] = best;
        }
        return d;
    }
}
