package org.jgan.metrics.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The step-to-step change tells a second draw of the process from flat windows at the right levels and from noise,
 * which TimeGAN's scores need trained networks to do; its numbers are checked by hand on a small case.
 */
class StepChangesTest {
    @Test
    void handBuiltWindowsGiveTheirMeanAbsoluteChange() {
        // one static (7, 7, 7) then one feature 0, 1, 0 in each window: scaled to [0, 1] it moves by 1 every step
        Windows real = new Windows(2, 3, 2, new float[]{7, 0, 7, 1, 7, 0, 7, 0, 7, 1, 7, 0});
        // the synthetic feature: 0, 0.5, 0.5 and 1, 1, 1: changes 0.5, 0, 0, 0
        Windows syn = new Windows(2, 3, 2, new float[]{7, 0, 7, 0.5f, 7, 0.5f, 7, 1, 7, 1, 7, 1});
        List<StepChange> c = StepChanges.of(real, syn, List.of("site", "x"), 1, 0);
        assertEquals(1, c.size(), "the static is skipped");
        assertEquals("x", c.get(0).name());
        assertEquals(1.0, c.get(0).real(), 1e-9);
        assertEquals(0.125, c.get(0).synthetic(), 1e-9);
        assertEquals(0.125, c.get(0).ratio(), 1e-9);
        // real changes: +1, -1, +1, -1; synthetic: +0.5, 0, 0, 0; below 0 the CDFs are 0.5 against 0
        assertEquals(0.5, c.get(0).ks(), 1e-9);
        // bends, one inner step per window: real 0 - 2 + 0 twice; synthetic 0.5 - 1 + 0 and 1 - 2 + 1
        assertEquals(2.0, c.get(0).realBend(), 1e-9);
        assertEquals(0.25, c.get(0).syntheticBend(), 1e-9);
        assertEquals(0.125, c.get(0).bendRatio(), 1e-9);
    }

    /** TimeGAN's sines: per window sin(f t + p) with f, p on [0, 0.1], one feature. */
    private static Windows sines(int n, long seed, double jitter) {
        java.util.Random rnd = new java.util.Random(seed);
        int steps = 24;
        float[] v = new float[n * steps];
        for (int i = 0; i < n; i++) {
            double f = 0.1 * rnd.nextDouble();
            double p = 0.1 * rnd.nextDouble();
            for (int t = 0; t < steps; t++) {
                v[i * steps + t] = (float) ((Math.sin(f * t + p) + 1) / 2 + (t % 2 == 0 ? jitter : -jitter));
            }
        }
        return new Windows(n, steps, 1, v);
    }

    @Test
    void jitterAroundTheCurveShowsInTheBendNotInTheMovement() {
        Windows real = sines(500, 1, 0);
        StepChange second = StepChanges.of(real, sines(500, 2, 0), List.of("x"), 0, 0).get(0);
        assertTrue(Math.abs(second.ratio() - 1) < 0.1 && Math.abs(second.bendRatio() - 1) < 0.1,
                "a second draw moves and bends as real: " + second);
        StepChange jittery = StepChanges.of(real, sines(500, 2, 0.002), List.of("x"), 0, 0).get(0);
        assertTrue(Math.abs(jittery.ratio() - 1) < 0.2, "the movement barely sees it: " + jittery);
        assertTrue(jittery.bendRatio() > 3, "the bend does: " + jittery);
    }

    @Test
    void flatWindowsAtTheRightLevelsAndNoiseAreFlagged() {
        Windows real = SeriesReportTest.lagged(300, 1);
        Windows second = SeriesReportTest.lagged(300, 2);
        float[] flat = real.values().clone();
        int steps = real.steps();
        int f = real.features();
        for (int i = 0; i < real.count(); i++) {
            for (int k = 0; k < f; k++) {
                double mean = 0;
                for (int t = 0; t < steps; t++) {
                    mean += real.values()[(i * steps + t) * f + k] / steps;
                }
                for (int t = 0; t < steps; t++) {
                    flat[(i * steps + t) * f + k] = (float) mean;
                }
            }
        }
        List<String> names = List.of("a", "b", "c");
        for (StepChange c : StepChanges.of(real, second, names, 0, 0)) {
            assertTrue(Math.abs(c.ratio() - 1) < 0.1 && c.ks() < 0.1, "a second draw moves as real: " + c);
            assertTrue(Math.abs(c.bendRatio() - 1) < 0.1, "and bends as real: " + c);
            assertTrue(c.shuffled() > 1.5 * c.real(), "shuffled in time moves more: " + c);
        }
        for (StepChange c : StepChanges.of(real, new Windows(300, steps, f, flat), names, 0, 0)) {
            assertEquals(0, c.synthetic(), 1e-9, c.toString());
            assertTrue(c.ks() > 0.4, "flat windows are far in distribution: " + c);
        }
        for (StepChange c : StepChanges.of(real, real.shuffledInTime(5), names, 0, 0)) {
            assertTrue(c.ratio() > 1.5, "windows without dynamics are rougher: " + c);
        }
    }

    @Test
    void mismatchedShapesAreRefused() {
        Windows a = new Windows(1, 3, 1, new float[3]);
        Windows b = new Windows(1, 4, 1, new float[4]);
        assertThrows(IllegalArgumentException.class, () -> StepChanges.of(a, b, List.of("x"), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> StepChanges.of(a, a, List.of("x", "y"), 0, 0));
    }
}
