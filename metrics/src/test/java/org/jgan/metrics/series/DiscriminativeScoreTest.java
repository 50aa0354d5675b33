package org.jgan.metrics.series;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The discriminative score's classifier learns whatever the scoring seed: on noisy, persistent series (weather-like)
 * the paper's GRU of features / 2 units often never learns to tell windows shuffled in time from real ones, and the
 * score then says "indistinguishable" by chance of its seed.
 */
class DiscriminativeScoreTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    /** Windows of 4 features, each a persistent process with daily noise, a little like temperatures and wind. */
    static Windows persistent(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int steps = 24;
        int f = 4;
        float[] v = new float[n * steps * f];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                double x = r.nextGaussian();
                for (int t = 0; t < steps; t++) {
                    x = 0.9 * x + 0.45 * r.nextGaussian();
                    v[(i * steps + t) * f + k] = (float) x;
                }
            }
        }
        return new Windows(n, steps, f, v);
    }

    /**
     * Scoring seeds 2 and 3 are two where the paper's 2 units (one fit) never learnt on these windows here: 0.015 and
     * 0.040, against 0.19 and 0.23 for seeds 0 and 1.
     */
    @Test
    void shuffledWindowsAreToldApartForEverySeed() {
        Windows real = persistent(500, 1).scaledLike(persistent(500, 1));
        for (long seed = 2; seed < 4; seed++) {
            Windows shuffled = real.shuffledInTime(seed + 100);
            double d = TimeGanScores.discriminative(real, shuffled, seed, TimeGanScores.CLASSIFIER_STEPS,
                    TimeGanScores.MIN_UNITS, 1);
            assertTrue(d > 0.2, "scoring seed " + seed + ": windows shuffled in time scored " + d);
        }
    }

    @Test
    void badSettingsAreRefused() {
        Windows w = persistent(10, 1);
        assertThrows(IllegalArgumentException.class, () -> TimeGanScores.discriminative(w, w, 0, 100, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> TimeGanScores.discriminative(w, w, 0, 100, 2, 0));
    }
}
