package org.jgan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Class sums merged from parts give the one-split Inception Score and the coverage of all samples at once. */
class ClassSumsTest {
    static FeatureSet probs(int n, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[n * k];
        for (int i = 0; i < n; i++) {
            double t = 0;
            for (int c = 0; c < k; c++) {
                p[i * k + c] = (float) Math.pow(r.nextDouble(), 4);
                t += p[i * k + c];
            }
            for (int c = 0; c < k; c++) {
                p[i * k + c] /= (float) t;
            }
        }
        return new FeatureSet("p", "test", n, 1, new float[n], k, p);
    }

    @Test
    void mergedPartsEqualTheWhole() {
        FeatureSet all = probs(300, 10, 1);
        ClassSums whole = ClassSums.empty(10).add(all);
        ClassSums parts = ClassSums.empty(10).add(all.subset(range(0, 100), "a"))
                .merge(ClassSums.empty(10).add(all.subset(range(100, 300), "b")));
        assertEquals(300, parts.count());
        assertEquals(InceptionScore.compute(all, 1).mean(), parts.inceptionScore(), 1e-12);
        assertEquals(whole.inceptionScore(), parts.inceptionScore(), 1e-12);
        assertArrayEquals(ClassCoverage.of(all).histogram(), parts.coverage().histogram());
    }

    @Test
    void oneConfidentClassScoresOne() {
        float[] p = new float[50 * 3];
        for (int i = 0; i < 50; i++) {
            p[i * 3] = 1f;
        }
        ClassSums s = ClassSums.empty(3).add(new FeatureSet("one", "test", 50, 1, new float[50], 3, p));
        assertEquals(1.0, s.inceptionScore(), 1e-12, "every sample the same class: KL 0");
        assertEquals(1, s.coverage().covered());
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
