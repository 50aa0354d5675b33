package org.jgan.metrics.table;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded row choices: subsamples, train/test splits and draws with replacement. Same seed, same rows. */
final class Rows {
    private Rows() {
    }

    /** {@code k} of the rows 0..n-1 without replacement, in increasing order; all of them when n &lt;= k. */
    static int[] subsample(int n, int k, long seed) {
        int[] all = shuffled(n, seed);
        int[] pick = Arrays.copyOf(all, Math.min(n, k));
        Arrays.sort(pick);
        return pick;
    }

    /** 0..n-1 in a seeded random order (Fisher-Yates). */
    static int[] shuffled(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A seeded split of 0..n-1: [0] the first part (about {@code share} of the rows, at least one), [1] the rest. */
    static int[][] split(int n, double share, long seed) {
        int[] p = shuffled(n, seed);
        int k = Math.max(1, Math.min(n - 1, (int) Math.round(n * share)));
        int[] a = Arrays.copyOfRange(p, 0, k);
        int[] b = Arrays.copyOfRange(p, k, n);
        Arrays.sort(a);
        Arrays.sort(b);
        return new int[][] {a, b};
    }
}
