package org.jgan.metrics.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pairs of features: a second draw of a process goes together as real windows do; coupled changes are flagged. */
class FeaturePairsTest {
    /**
     * Windows of a static and three random walks: b's steps follow a's with weight {@code coupling}, c's are its own.
     */
    static Windows walks(int n, double coupling, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int steps = 16;
        float[] v = new float[n * steps * 4];
        for (int i = 0; i < n; i++) {
            double a = 0;
            double b = 0;
            double c = 0;
            float flag = r.nextBoolean() ? 1 : 0;
            for (int t = 0; t < steps; t++) {
                double da = r.nextGaussian();
                a += da;
                b += coupling * da + Math.sqrt(1 - coupling * coupling) * r.nextGaussian();
                c += r.nextGaussian();
                int o = (i * steps + t) * 4;
                v[o] = flag;
                v[o + 1] = (float) a;
                v[o + 2] = (float) b;
                v[o + 3] = (float) c;
            }
        }
        return new Windows(n, steps, 4, v);
    }

    @Test
    void aSecondDrawMatchesAndCoupledChangesAreFlaggedFirst() {
        List<String> names = List.of("flag", "a", "b", "c");
        Windows real = walks(400, 0.2, 1);
        List<FeaturePair> same = FeaturePairs.of(real, walks(400, 0.2, 2), names, 1);
        assertEquals(3, same.size(), "three temporal features, three pairs; the static is left out");
        for (FeaturePair p : same) {
            assertTrue(p.gap() < 0.08, "a second draw of the process: " + p);
        }
        List<FeaturePair> coupled = FeaturePairs.of(real, walks(400, 0.9, 3), names, 1);
        FeaturePair worst = coupled.get(0);
        assertEquals("a", worst.first());
        assertEquals("b", worst.second());
        assertEquals(0.2, worst.realChanges(), 0.06);
        assertEquals(0.9, worst.syntheticChanges(), 0.03);
        assertTrue(worst.gap() > 0.6, worst.toString());
        assertTrue(coupled.get(2).gap() < 0.08, "a and c, b and c stay apart: " + coupled);
    }

    @Test
    void mismatchedShapesAreRefused() {
        Windows w = walks(5, 0.5, 1);
        assertThrows(IllegalArgumentException.class, () -> FeaturePairs.of(w, w, List.of("a", "b"), 0));
        assertThrows(IllegalArgumentException.class, () -> FeaturePairs.of(w, w, List.of("f", "a", "b", "c"), 4));
    }
}
