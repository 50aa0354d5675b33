package org.jgan.metrics.table;

import java.util.Arrays;

/**
 * The one- and two-variable statistics the table report compares: the two-sample Kolmogorov-Smirnov statistic, the
 * total variation distance of two frequency tables, Pearson's correlation and quantile bin edges. Plain loops over
 * doubles; NaN marks "undefined" (too few values, a constant column), never an error. The series report's static
 * features are scored with the same three.
 */
public final class Distributions {
    private Distributions() {
    }

    /**
     * The two-sample Kolmogorov-Smirnov statistic sup_t |F_a(t) - F_b(t)| of two samples' empirical distribution
     * functions, 0..1. 0 when both are empty, 1 when only one is (nothing in common to compare).
     */
    public static double ks(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return a.length == b.length ? 0 : 1;
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        // Walk both sorted samples; step past every copy of the smaller value so ties move both CDFs together.
        while (i < x.length && j < y.length) {
            double t = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == t) {
                i++;
            }
            while (j < y.length && y[j] == t) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /** Total variation distance 0.5 * sum |p_k - q_k| of two count vectors, each normalised to sum 1 (0 when both empty). */
    public static double tvd(long[] p, long[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("frequency tables of " + p.length + " and " + q.length + " cells");
        }
        long np = Arrays.stream(p).sum();
        long nq = Arrays.stream(q).sum();
        if (np == 0 || nq == 0) {
            return np == nq ? 0 : 1;
        }
        double s = 0;
        for (int k = 0; k < p.length; k++) {
            s += Math.abs((double) p[k] / np - (double) q[k] / nq);
        }
        return s / 2;
    }

    /** Pearson's r over the pairs where neither value is NaN; NaN with fewer than 2 pairs or a constant side. */
    public static double pearson(double[] a, double[] b) {
        double sa = 0;
        double sb = 0;
        int n = 0;
        for (int r = 0; r < a.length; r++) {
            if (!Double.isNaN(a[r]) && !Double.isNaN(b[r])) {
                sa += a[r];
                sb += b[r];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double ma = sa / n;
        double mb = sb / n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int r = 0; r < a.length; r++) {
            if (!Double.isNaN(a[r]) && !Double.isNaN(b[r])) {
                cov += (a[r] - ma) * (b[r] - mb);
                va += (a[r] - ma) * (a[r] - ma);
                vb += (b[r] - mb) * (b[r] - mb);
            }
        }
        return va == 0 || vb == 0 ? Double.NaN : Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb)));
    }

    /**
     * The inner edges of {@code bins} equal-count bins of {@code values} (NaN skipped): the k/bins quantiles for
     * k = 1..bins-1, by the "lower" rule (the value at index floor(k * n / bins) of the sorted sample), duplicates
     * removed, so a column with few distinct values gets fewer bins. Empty when there are no values.
     */
    static double[] quantileEdges(double[] values, int bins) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return new double[0];
        }
        return java.util.stream.IntStream.range(1, bins).mapToDouble(k -> v[(int) ((long) k * v.length / bins)])
                .distinct().toArray();
    }

    /** The bin of {@code x} among {@code edges}: the number of edges strictly below it, 0..edges.length. */
    static int bin(double[] edges, double x) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The values of {@code xs} that are not NaN. */
    static double[] present(double[] xs) {
        return Arrays.stream(xs).filter(x -> !Double.isNaN(x)).toArray();
    }

    /** The median of {@code xs} (mean of the middle two for an even count); NaN when empty. */
    static double median(double[] xs) {
        return quantile(xs, 0.5);
    }

    /** The q-quantile of {@code xs} by linear interpolation between order statistics (numpy's default); NaN when empty. */
    static double quantile(double[] xs, double q) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double[] v = xs.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }
}
