package org.jgan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
