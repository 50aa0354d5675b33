package org.jgan.metrics.table;

import org.jgan.core.data.table.Table;

/**
 * A column of the real table cut into a few discrete states, so that any two columns can be compared by frequency
 * tables: a numeric column into up to {@value #BINS} quantile bins of the real data (so each real bin holds about a
 * tenth of the real rows, and a synthetic table is judged on where its mass falls among them) plus a state for
 * missing; a categorical or boolean column into its real categories, missing, and one state for any category the real
 * table never had.
 */
final class States {
    /** Quantile bins of a numeric column, as SDMetrics' ContingencySimilarity discretises continuous columns. */
    static final int BINS = 10;

    private final boolean numeric;
    private final double[] edges;
    private final int categories;
    private final int column;

    private States(boolean numeric, double[] edges, int categories, int column) {
        this.numeric = numeric;
        this.edges = edges;
        this.categories = categories;
        this.column = column;
    }

    /** The states of column {@code c} of {@code real}, fixed by the real data alone. */
    static States of(Aligned real, int c) {
        if (real.table.type(c).numeric()) {
            return new States(true, Distributions.quantileEdges(real.numbers(c), BINS), 0, c);
        }
        return new States(false, null, real.table.categories(c).size(), c);
    }

    /** How many states there are. */
    int size() {
        return numeric ? edges.length + 2 : categories + 2;
    }

    /** The state that stands for a missing cell. */
    int missingState() {
        return numeric ? edges.length + 1 : categories;
    }

    /** The state of each row of {@code t} (in the real table's terms). */
    int[] of(Aligned t) {
        int[] s = new int[t.rows()];
        if (numeric) {
            double[] v = t.numbers(column);
            int missing = edges.length + 1;
            for (int r = 0; r < s.length; r++) {
                s[r] = Double.isNaN(v[r]) ? missing : Distributions.bin(edges, v[r]);
            }
        } else {
            int[] k = t.codes(column);
            for (int r = 0; r < s.length; r++) {
                s[r] = k[r] >= 0 ? k[r] : k[r] == -1 ? categories : categories + 1;
            }
        }
        return s;
    }

    /** The frequency of each state among {@code states}. */
    static long[] counts(int[] states, int size) {
        long[] n = new long[size];
        for (int s : states) {
            n[s]++;
        }
        return n;
    }

    /** The frequency of each joint state (a, b), flattened a * sizeB + b. */
    static long[] jointCounts(int[] a, int sizeA, int[] b, int sizeB) {
        long[] n = new long[sizeA * sizeB];
        for (int r = 0; r < a.length; r++) {
            n[a[r] * sizeB + b[r]]++;
        }
        return n;
    }
}
