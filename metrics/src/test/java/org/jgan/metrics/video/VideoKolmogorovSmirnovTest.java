package org.jgan.metrics.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgan.core.data.DataException;
import org.junit.jupiter.api.Test;

/** The two-sample KS statistic against values worked by hand (and as scipy's ks_2samp reports them). */
class VideoKolmogorovSmirnovTest {
    private static double d(double[] a, double[] b) {
        return KolmogorovSmirnov.statistic(a, "a", b, "b");
    }

    @Test
    void largestGapBetweenTheEmpiricalDistributions() {
        // F_a - F_b at 1, 2, 3, 4, 5: 1/3 - 0, 2/3 - 1/4, 1 - 2/4, 1 - 3/4, 1 - 1: largest 1/2
        assertEquals(0.5, d(new double[]{1, 2, 3}, new double[]{2, 3, 4, 5}), 1e-15);
        assertEquals(0.5, d(new double[]{2, 3, 4, 5}, new double[]{3, 1, 2}), 1e-15, "symmetric, any order");
        // 3/5 of a below 0.5, none of b: the gap there is 0.6
        assertEquals(0.6, d(new double[]{0.1, 0.2, 0.3, 0.9, 1.0}, new double[]{0.5, 0.6, 0.95, 1.1}), 1e-15);
    }

    @Test
    void tiesMoveBothDistributionsAtOnce() {
        // at 1: 2/3 vs 1/3; at 2: 1 vs 1. Stepping one sample at a time would see 2/3 - 0 first.
        assertEquals(1.0 / 3, d(new double[]{1, 1, 2}, new double[]{1, 2, 2}), 1e-15);
        assertEquals(0.0, d(new double[]{3, 3, 3}, new double[]{3}), 0.0);
    }

    @Test
    void extremes() {
        assertEquals(1.0, d(new double[]{0, 1}, new double[]{2, 3}), 0.0);
        assertEquals(0.0, d(new double[]{4, 2, 9}, new double[]{9, 4, 2}), 0.0);
    }

    @Test
    void refusesEmptyOrNaNSamplesNamingThem() {
        DataException e = assertThrows(DataException.class,
                () -> KolmogorovSmirnov.statistic(new double[0], "fake speeds", new double[]{1}, "real"));
        assertTrue(e.getMessage().startsWith("fake speeds:"), e.getMessage());
        e = assertThrows(DataException.class,
                () -> KolmogorovSmirnov.statistic(new double[]{1}, "a", new double[]{Double.NaN}, "real speeds"));
        assertTrue(e.getMessage().startsWith("real speeds:"), e.getMessage());
    }
}
