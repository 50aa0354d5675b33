package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The augmentation verdict names a gain or a loss beyond the seeds' spread, and only a difference smaller than the
 * larger spread counts as "within": a clear loss (synthetic data hurting) was once reported as "within the spread".
 */
class AugmentVerdictTest {
    @Test
    void aClearLossIsALossNotWithinTheSpread() {
        var r = new AugmentExperiment.Result(new double[]{0.81, 0.82, 0.815}, new double[]{0.79, 0.785, 0.795});
        assertFalse(r.beyondSpread());
        assertTrue(r.lossBeyondSpread());
        assertEquals("a loss beyond the seeds' spread", r.verdict());
    }

    @Test
    void aClearGainIsAGain() {
        var r = new AugmentExperiment.Result(new double[]{0.79, 0.785, 0.795}, new double[]{0.81, 0.82, 0.815});
        assertTrue(r.beyondSpread());
        assertEquals("a gain beyond the seeds' spread", r.verdict());
    }

    @Test
    void aDifferenceSmallerThanTheSpreadIsWithinIt() {
        var r = new AugmentExperiment.Result(new double[]{0.80, 0.82, 0.81}, new double[]{0.805, 0.815, 0.812});
        assertFalse(r.beyondSpread());
        assertFalse(r.lossBeyondSpread());
        assertEquals("within the seeds' spread", r.verdict());
    }
}
