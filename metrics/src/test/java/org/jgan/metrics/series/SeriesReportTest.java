package org.jgan.metrics.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TimeGAN's scores separate what they should: a second draw of the same process is hard to tell from the real
 * windows and predicts as well; windows shuffled in time, or noise, are told apart and predict worse.
 */
class SeriesReportTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    /** Windows of 3 features where the last follows the first one step late: predictable from the others. */
    static Windows lagged(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int steps = 12;
        float[] v = new float[n * steps * 3];
        for (int i = 0; i < n; i++) {
            double f = r.nextDouble(0.2, 0.6);
            double p = r.nextDouble(0, 6.3);
            for (int t = 0; t < steps; t++) {
                int o = (i * steps + t) * 3;
                v[o] = (float) Math.sin(f * t + p);
                v[o + 1] = (float) Math.cos(f * t + p);
                v[o + 2] = (float) Math.sin(f * (t - 1) + p);
            }
        }
        return new Windows(n, steps, 3, v);
    }

    @Test
    void scoresRankASecondDrawAboveShuffledWindows() {
        Windows real = lagged(400, 1);
        java.util.List<String> stages = new java.util.ArrayList<>();
        SeriesReport same = SeriesReport.compute(real, lagged(400, 2), 0, 400, 600, stages::add);
        assertEquals(3, stages.size(), stages.toString());
        assertTrue(stages.get(0).startsWith("discriminative score") && stages.get(2).startsWith("predictive score"));
        assertEquals(400, same.syntheticWindows());
        assertTrue(same.discriminative() < 0.2, "a second draw of the process is hard to tell apart: " + same);
        assertTrue(same.predictive() < same.predictiveShuffled() - 0.03, "shuffled windows predict worse: " + same);
        assertTrue(Math.abs(same.predictive() - same.predictiveReal()) < 0.03, same.toString());
    }

    @Test
    void noiseIsToldApartFromRealWindows() {
        Windows real = lagged(400, 1);
        SplittableRandom r = new SplittableRandom(3);
        float[] v = new float[real.values().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble(-1, 1);
        }
        Windows noise = new Windows(400, real.steps(), 3, v);
        double d = TimeGanScores.discriminative(real.scaledLike(real), noise.scaledLike(real), 0, TimeGanScores.CLASSIFIER_STEPS);
        assertTrue(d > 0.3, "noise is easy to tell from real windows: " + d);
    }

    @Test
    void shufflingKeepsEveryValueOfAWindow() {
        Windows w = lagged(3, 4);
        Windows s = w.shuffledInTime(9);
        for (int i = 0; i < 3; i++) {
            float[] a = java.util.Arrays.copyOfRange(w.values(), i * 36, (i + 1) * 36);
            float[] b = java.util.Arrays.copyOfRange(s.values(), i * 36, (i + 1) * 36);
            java.util.Arrays.sort(a);
            java.util.Arrays.sort(b);
            assertTrue(java.util.Arrays.equals(a, b), "window " + i);
        }
        assertTrue(!java.util.Arrays.equals(w.values(), s.values()));
    }
}
