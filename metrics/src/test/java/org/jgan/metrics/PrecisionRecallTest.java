package org.jgan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jgan.engine.Torch;
import org.jgan.metrics.npz.NpyArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrecisionRecallTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** Points 0, 1, ..., n-1 (times {@code step}) on the first axis of a 2-d space, from {@code from}. */
    static FeatureSet line(int from, int n, String name) {
        float[] f = new float[2 * n];
        for (int i = 0; i < n; i++) {
            f[2 * i] = from + i;
        }
        return new FeatureSet(name, "test", n, 2, f, 0, null);
    }

    @Test
    void halfOfTheRealLine() {
        // Real: 0..99. Every real ball has radius 2 (third neighbour), 3 at the ends. Fake: 0..49, all on real
        // points, so precision is 1; fake balls reach 3 past 49, covering real 0..52: recall 53/100.
        PrecisionRecall.Result r = PrecisionRecall.compute(line(0, 100, "real"), line(0, 50, "fake"));
        assertEquals(1.0, r.precision(), 1e-12);
        assertEquals(0.53, r.recall(), 1e-12);
    }

    @Test
    void identicalAndDisjointSets() {
        PrecisionRecall.Result same = PrecisionRecall.compute(line(0, 30, "a"), line(0, 30, "b"));
        assertEquals(1.0, same.precision());
        assertEquals(1.0, same.recall());
        PrecisionRecall.Result far = PrecisionRecall.compute(line(0, 30, "a"), line(1000, 30, "b"));
        assertEquals(0.0, far.precision());
        assertEquals(0.0, far.recall());
    }

    @Test
    void shiftedLineIsPartlyInside() {
        // Fake 90..189 against real 0..99: fake 90..99 coincide with real points and 100..102 fall in the ball of
        // real 99 (radius 3): precision 13/100, and symmetrically recall 13/100.
        PrecisionRecall.Result r = PrecisionRecall.compute(line(0, 100, "real"), line(90, 100, "fake"));
        assertEquals(0.13, r.precision(), 1e-12);
        assertEquals(0.13, r.recall(), 1e-12);
    }

    @Test
    void matchesNumpyReference() throws Exception {
        Map<String, NpyArray> v = Fixtures.npz("fid-medium.npz");
        PrecisionRecall.Result r = PrecisionRecall.compute(Fixtures.features(v.get("act1"), "real"),
                Fixtures.features(v.get("act2"), "fake"));
        assertEquals(Fixtures.scalar(v, "precision"), r.precision(), 1e-12);
        assertEquals(Fixtures.scalar(v, "recall"), r.recall(), 1e-12);
    }

    @Test
    void productsSplitOverThreadsGiveTheBruteForceAnswer() {
        // 700 x 48 by 48 x 700 is above MatrixProducts' split threshold, so both threads share each block; the
        // reference is every distance in float64, sorted.
        java.util.Random rnd = new java.util.Random(3);
        int n = 700;
        int dim = 48;
        float[] a = new float[n * dim];
        float[] b = new float[n * dim];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextGaussian();
            b[i] = (float) (0.25 + 1.05 * rnd.nextGaussian());
        }
        FeatureSet real = new FeatureSet("real", "test", n, dim, a, 0, null);
        FeatureSet fake = new FeatureSet("fake", "test", n, dim, b, 0, null);
        double[] realRadii = bruteRadii(a, n, dim);
        double[] fakeRadii = bruteRadii(b, n, dim);
        float[] radii = PrecisionRecall.radii(real, PrecisionRecall.K);
        for (int i = 0; i < n; i++) {
            assertEquals(realRadii[i], radii[i], 1e-4 * realRadii[i]);
        }
        int inside = 0;
        boolean[] covered = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean in = false;
            for (int j = 0; j < n; j++) {
                double d = distance(b, i, a, j, dim);
                in |= d <= realRadii[j];
                covered[j] |= d <= fakeRadii[i];
            }
            inside += in ? 1 : 0;
        }
        int recalled = 0;
        for (boolean c : covered) {
            recalled += c ? 1 : 0;
        }
        PrecisionRecall.Result r = PrecisionRecall.compute(real, fake);
        assertEquals(inside / (double) n, r.precision(), 1e-12);
        assertEquals(recalled / (double) n, r.recall(), 1e-12);
        assertTrue(r.precision() > 0.05 && r.precision() < 0.95 && r.recall() > 0.05 && r.recall() < 0.95,
                "a case where neither figure is trivial: " + r);
    }

    private static double[] bruteRadii(float[] x, int n, int dim) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double[] d = new double[n];
            for (int j = 0; j < n; j++) {
                d[j] = distance(x, i, x, j, dim);
            }
            java.util.Arrays.sort(d);
            out[i] = d[PrecisionRecall.K];
        }
        return out;
    }

    private static double distance(float[] x, int i, float[] y, int j, int dim) {
        double s = 0;
        for (int c = 0; c < dim; c++) {
            double t = (double) x[i * dim + c] - y[j * dim + c];
            s += t * t;
        }
        return Math.sqrt(s);
    }
}
