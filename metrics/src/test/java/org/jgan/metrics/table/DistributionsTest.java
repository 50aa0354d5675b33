package org.jgan.metrics.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistributionsTest {
    @Test
    void ksIsTheLargestGapBetweenTheEmpiricalCdfs() {
        // CDFs at 1,2,3,4: a = 1/3, 2/3, 1, 1; b = 0, 1/3, 2/3, 1: the gap is 1/3 everywhere from 1 to 3.
        assertEquals(1.0 / 3, Distributions.ks(new double[] {1, 2, 3}, new double[] {2, 3, 4}), 1e-12);
        assertEquals(0, Distributions.ks(new double[] {3, 1, 2}, new double[] {1, 2, 3}), 1e-12);
        assertEquals(1, Distributions.ks(new double[] {1, 2}, new double[] {5, 6}), 1e-12);
        // Ties move both CDFs together: a = {1,1,2}, b = {1,2,2}: at 1, 2/3 against 1/3.
        assertEquals(1.0 / 3, Distributions.ks(new double[] {1, 1, 2}, new double[] {1, 2, 2}), 1e-12);
        assertEquals(1, Distributions.ks(new double[] {}, new double[] {1}), 0);
    }

    @Test
    void tvdIsHalfTheL1DistanceOfTheFrequencies() {
        assertEquals(0.5, Distributions.tvd(new long[] {1, 1}, new long[] {2, 0}), 1e-12);
        // 0.5 * (|0.5-0.25| + |0.25-0.25| + |0.25-0.5|) = 0.25
        assertEquals(0.25, Distributions.tvd(new long[] {2, 1, 1}, new long[] {1, 1, 2}), 1e-12);
        assertEquals(0, Distributions.tvd(new long[] {3, 6}, new long[] {1, 2}), 1e-12);
    }

    @Test
    void pearsonSkipsMissingPairsAndIsUndefinedForAConstant() {
        assertEquals(1, Distributions.pearson(new double[] {1, 2, 3, Double.NaN}, new double[] {2, 4, 6, 0}), 1e-12);
        assertEquals(-1, Distributions.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        // x = 1,2,3,4 and y = 1,3,2,4: cov 4, var 5 and 5 -> r = 0.8
        assertEquals(0.8, Distributions.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}), 1e-12);
        assertTrue(Double.isNaN(Distributions.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    }

    @Test
    void quantileEdgesAndBins() {
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        assertArrayEquals(new double[] {2, 4, 6, 8, 10, 12, 14, 16, 18}, Distributions.quantileEdges(v, 10), 0);
        assertArrayEquals(new double[] {0, 1}, Distributions.quantileEdges(new double[] {0, 0, 0, 1, 1, 1}, 10), 0);
        double[] edges = {2, 4};
        assertEquals(0, Distributions.bin(edges, 2));
        assertEquals(1, Distributions.bin(edges, 3));
        assertEquals(2, Distributions.bin(edges, 99));
        assertEquals(2.5, Distributions.median(new double[] {4, 1, 2, 3}), 1e-12);
        assertEquals(0.15, Distributions.quantile(new double[] {0, 1, 2, 3}, 0.05), 1e-12);
    }
}
