package org.jgan.api.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The augmentation verdict names a gain or a loss beyond the seeds' spread, and only a difference smaller than the
 * larger spread counts as "within": a clear loss (synthetic data hurting) was once reported as "within the spread".
 */
class SeedComparisonTest {
    @Test
    void meanAndSampleStandardDeviation() {
        assertEquals(2.0, SeedComparison.mean(new double[]{1, 2, 3}), 1e-15);
        // sum of squares 2 over n - 1 = 2: std 1
        assertEquals(1.0, SeedComparison.std(new double[]{1, 2, 3}), 1e-15);
        assertEquals(0.0, SeedComparison.std(new double[]{0.7}));
    }

    @Test
    void aClearLossIsALossNotWithinTheSpread() {
        var r = new SeedComparison(new double[]{0.81, 0.82, 0.815}, new double[]{0.79, 0.785, 0.795});
        assertFalse(r.gainBeyondSpread());
        assertTrue(r.lossBeyondSpread());
        assertEquals(-0.025, r.difference(), 1e-12);
        assertEquals("a loss beyond the seeds' spread", r.verdict());
    }

    @Test
    void aClearGainIsAGain() {
        var r = new SeedComparison(new double[]{0.79, 0.785, 0.795}, new double[]{0.81, 0.82, 0.815});
        assertTrue(r.gainBeyondSpread());
        assertEquals("a gain beyond the seeds' spread", r.verdict());
    }

    @Test
    void aDifferenceSmallerThanTheSpreadIsWithinIt() {
        var r = new SeedComparison(new double[]{0.80, 0.82, 0.81}, new double[]{0.805, 0.815, 0.812});
        assertFalse(r.gainBeyondSpread());
        assertFalse(r.lossBeyondSpread());
        assertEquals("within the seeds' spread", r.verdict());
    }

    @Test
    void theResultComparesAgainstRealOnlyAndTheControl() {
        var r = new AugmentResult(new double[]{0.5, 0.6}, new double[]{0.7, 0.8}, null);
        assertEquals(0.2, r.lift().difference(), 1e-12);
        assertTrue(r.overControl().isEmpty());
        var c = new AugmentResult(new double[]{0.5, 0.6}, new double[]{0.7, 0.8}, new double[]{0.8, 0.9});
        assertEquals(-0.1, c.overControl().orElseThrow().difference(), 1e-12);
    }
}
