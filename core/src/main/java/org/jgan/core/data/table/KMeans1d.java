package org.jgan.core.data.table;

import java.util.SplittableRandom;

/**
 * k-means on one-dimensional data with k-means++ seeding (Arthur &amp; Vassilvitskii 2007), the start of the mixture
 * fit in {@link BayesianGaussianMixture}, as scikit-learn starts it. Seeded, so the same data and seed give the same
 * labels.
 */
final class KMeans1d {
    private static final int MAX_ITER = 300;

    private KMeans1d() {
    }

    /** The cluster (0..k-1) of each value; {@code x} must hold at least {@code k} distinct values. */
    static int[] labels(double[] x, int k, SplittableRandom rng) {
        double[] centers = new double[k];
        double[] d2 = new double[x.length];
        centers[0] = x[rng.nextInt(x.length)];
        for (int i = 0; i < x.length; i++) {
            d2[i] = (x[i] - centers[0]) * (x[i] - centers[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : d2) {
                total += d;
            }
            // a value is drawn with probability proportional to its squared distance from the nearest center
            double u = rng.nextDouble() * total;
            int pick = 0;
            for (double acc = d2[0]; acc <= u && pick < x.length - 1; acc += d2[++pick]) {
                // walk to the value whose cumulative weight passes u
            }
            while (d2[pick] == 0) { // rounding at the end of the walk: step back to a value not yet a center
                pick--;
            }
            centers[c] = x[pick];
            for (int i = 0; i < x.length; i++) {
                d2[i] = Math.min(d2[i], (x[i] - centers[c]) * (x[i] - centers[c]));
            }
        }
        int[] labels = new int[x.length];
        for (int iter = 0; iter < MAX_ITER; iter++) {
            boolean changed = false;
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int i = 0; i < x.length; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (Math.abs(x[i] - centers[c]) < Math.abs(x[i] - centers[best])) {
                        best = c;
                    }
                }
                changed |= iter == 0 || labels[i] != best;
                labels[i] = best;
                sum[best] += x[i];
                count[best]++;
            }
            if (!changed) {
                break;
            }
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) { // an emptied cluster keeps its center
                    centers[c] = sum[c] / count[c];
                }
            }
        }
        return labels;
    }
}
