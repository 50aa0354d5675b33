package org.jgan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jgan.engine.Torch;
import org.jgan.metrics.npz.NpyArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KidTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @Test
    void matchesNumpyOnWholeSets() throws Exception {
        Map<String, NpyArray> v = Fixtures.npz("fid-medium.npz");
        FeatureSet a = Fixtures.features(v.get("act1"), "a");
        FeatureSet b = Fixtures.features(v.get("act2"), "b");
        // One subset as large as the sets is the whole sets (the order does not matter).
        Kid.Result r = Kid.compute(a, b, 1, 1000, 0);
        double expected = Fixtures.scalar(v, "kid_full");
        assertEquals(expected, r.mean(), 1e-5 * Math.abs(expected));
        assertEquals(200, r.subsetSize());
    }

    @Test
    void unbiasedOnIdenticalDistributions() {
        // Independent sets from one distribution: the estimate averages to 0, whatever the (small) set size.
        int trials = 40;
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < trials; t++) {
            FeatureSet x = Fixtures.gaussian(50, 8, 0, 1, 100 + t);
            FeatureSet y = Fixtures.gaussian(50, 8, 0, 1, 200 + t);
            double k = Kid.compute(x, y, 1, 50, t).mean();
            sum += k;
            sumSq += k * k;
        }
        double mean = sum / trials;
        double se = Math.sqrt((sumSq / trials - mean * mean) / (trials - 1));
        assertTrue(Math.abs(mean) < 3 * se, "mean " + mean + " vs standard error " + se);
        // The biased estimate (diagonals kept) is clearly positive on the same kind of data: the test can tell.
        assertTrue(biased(Fixtures.gaussian(50, 8, 0, 1, 1), Fixtures.gaussian(50, 8, 0, 1, 2)) > 10 * se);
    }

    @Test
    void subsetsOfOneSetAgainstItselfAverageToZero() {
        FeatureSet x = Fixtures.gaussian(4000, 16, 0.5, 1, 7);
        Kid.Result r = Kid.compute(x, x, 100, 200, 3);
        assertTrue(Math.abs(r.mean()) < 3 * r.std() / Math.sqrt(r.subsets()), r.toString());
        Kid.Result far = Kid.compute(x, Fixtures.gaussian(4000, 16, 1.5, 1, 8), 20, 200, 3);
        assertTrue(far.mean() > 100 * r.std(), far.toString());
    }

    private static double biased(FeatureSet x, FeatureSet y) {
        double d = x.dim();
        int m = x.count();
        double kxx = 0;
        double kyy = 0;
        double kxy = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                kxx += Math.pow(dot(x, i, x, j) / d + 1, 3);
                kyy += Math.pow(dot(y, i, y, j) / d + 1, 3);
                kxy += Math.pow(dot(x, i, y, j) / d + 1, 3);
            }
        }
        return (kxx + kyy - 2 * kxy) / ((double) m * m);
    }

    private static double dot(FeatureSet a, int i, FeatureSet b, int j) {
        double s = 0;
        for (int k = 0; k < a.dim(); k++) {
            s += a.features()[i * a.dim() + k] * (double) b.features()[j * b.dim() + k];
        }
        return s;
    }
}
