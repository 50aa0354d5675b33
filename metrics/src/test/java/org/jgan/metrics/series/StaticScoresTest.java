package org.jgan.metrics.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The static features' scores against values worked out by hand. */
class StaticScoresTest {
    /** Windows of 2 steps, features [s, x]: s static, x = [0, 2 f(s)] so its mean is f(s) and its std f(s). */
    private static Windows windows(double[] s, java.util.function.DoubleUnaryOperator f) {
        float[] v = new float[s.length * 4];
        for (int i = 0; i < s.length; i++) {
            v[i * 4] = (float) s[i];
            v[i * 4 + 2] = (float) s[i];
            v[i * 4 + 3] = (float) (2 * f.applyAsDouble(s[i]));
        }
        return new Windows(s.length, 2, 2, v);
    }

    @Test
    void numericStaticLinkFollowsPearsonAndShuffledStaticsLoseIt() {
        double[] s = new double[50];
        for (int i = 0; i < s.length; i++) {
            s[i] = i + 1;
        }
        Windows real = windows(s, x -> x);
        Windows reversed = windows(s, x -> 51 - x);
        StaticScore sc = StaticScores.of(real, reversed, List.of("s", "x"), 1, Set.of(), 3).get(0);
        assertEquals(1.0, sc.shape(), 1e-12, "the same static values: KS 0");
        assertEquals(2, sc.links().size(), "x's mean and std");
        StaticLink mean = sc.links().get(0);
        assertEquals("mean", mean.statistic());
        assertEquals(1.0, mean.real(), 1e-9);
        assertEquals(-1.0, mean.synthetic(), 1e-9);
        assertEquals(0.0, mean.score(), 1e-9, "1 - |1 - (-1)| / 2");
        assertEquals(0.0, sc.link(), 1e-9);
        assertTrue(Math.abs(mean.shuffled()) < 0.5, "shuffled statics lose the link: r = " + mean.shuffled());
        assertEquals(1 - Math.abs(1 - mean.shuffled()) / 2, mean.scoreShuffled(), 1e-12);
        assertEquals(1.0, StaticScores.of(real, real, List.of("s", "x"), 1, Set.of(), 3).get(0).link(), 1e-9);
        Windows collapsed = windows(new double[50], x -> 1);
        StaticScore none = StaticScores.of(real, collapsed, List.of("s", "x"), 1, Set.of(), 3).get(0);
        assertEquals(0.0, none.link(), 0.0, "one static value for every window: no link, scored 0, not dropped");
    }

    @Test
    void categoricalStaticUsesTheCorrelationRatioAndTotalVariation() {
        // codes [0, 0, 1, 1] against y = [1, 3, 5, 7]: group means 2 and 6 about 4, between SS 16 of total SS 20
        assertEquals(Math.sqrt(0.8), StaticScores.association(new double[]{0, 0, 1, 1}, new double[]{1, 3, 5, 7},
                true), 1e-12);
        Windows real = windows(new double[]{0, 0, 1, 1}, x -> x);
        Windows syn = windows(new double[]{0, 1, 1, 1}, x -> x);
        StaticScore sc = StaticScores.of(real, syn, List.of("kind", "x"), 1, Set.of("kind"), 0).get(0);
        assertTrue(sc.categorical());
        assertEquals(0.75, sc.shape(), 1e-12, "TVD of [1/2, 1/2] and [1/4, 3/4] is 1/4");
        assertEquals(1.0, sc.links().get(0).real(), 1e-12, "x's mean is the code itself: eta 1");
        assertThrows(IllegalArgumentException.class, () -> StaticScores.of(real, syn, List.of("kind"), 1, Set.of(),
                0));
    }
}
