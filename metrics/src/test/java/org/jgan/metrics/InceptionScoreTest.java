package org.jgan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.jgan.metrics.npz.NpyArray;
import org.junit.jupiter.api.Test;

class InceptionScoreTest {
    static FeatureSet withProbs(float[] p, int n, int k) {
        return new FeatureSet("probs", "test", n, 1, new float[n], k, p);
    }

    @Test
    void matchesNumpyReference() throws Exception {
        Map<String, NpyArray> v = Fixtures.npz("is-probs.npz");
        double[] d = v.get("probs").data();
        float[] p = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            p[i] = (float) d[i];
        }
        InceptionScore.Result r = InceptionScore.compute(withProbs(p, 100, 10));
        assertEquals(Fixtures.scalar(v, "mean"), r.mean(), 1e-5);
        assertEquals(Fixtures.scalar(v, "std"), r.std(), 1e-5);
    }

    @Test
    void confidentAndEvenIsTheNumberOfClassesCollapsedIsOne() {
        int n = 100;
        float[] even = new float[n * 10];
        float[] collapsed = new float[n * 10];
        for (int i = 0; i < n; i++) {
            even[i * 10 + i % 10] = 1;
            collapsed[i * 10 + 3] = 1;
        }
        assertEquals(10, InceptionScore.compute(withProbs(even, n, 10)).mean(), 1e-9);
        assertEquals(1, InceptionScore.compute(withProbs(collapsed, n, 10)).mean(), 1e-9);
    }
}
