package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link NumericEncoder#decode}: values a mode puts beyond the training range are mirrored back, not piled up. */
class NumericEncoderTest {
    /** One integer column of one mode (mean, spread) over the training range [min, max], decoded at each alpha. */
    private static double[] decode(double mean, double std, double min, double max, double... alphas) {
        NumericEncoder e = new NumericEncoder(new ColumnSpec("n", ColumnType.INTEGER, null),
                ModeSpecificNormalizer.of(new double[]{1}, new double[]{mean}, new double[]{std}), false, mean, min,
                max, 1, 0, false);
        float[] data = new float[2 * alphas.length];
        for (int r = 0; r < alphas.length; r++) {
            data[2 * r] = (float) alphas[r];
            data[2 * r + 1] = 1f;
        }
        Column c = e.decode(data, alphas.length, 2, 0, null);
        double[] v = new double[alphas.length];
        for (int r = 0; r < v.length; r++) {
            v[r] = c.numbers[r];
        }
        return v;
    }

    @Test
    void beyondABoundIsMirroredBackInside() {
        // mean 10, 4 sigma = 20: alpha -1 stands for -10, 10 below the minimum 0, and comes back as 10, not 0
        assertEquals(10, decode(10, 5, 0, 100, -1)[0]);
        assertEquals(4, decode(10, 5, 0, 100, -0.7)[0], "-4 comes back as 4");
        assertEquals(5, decode(10, 5, 0, 100, -0.25)[0], "inside the range: unchanged");
        assertEquals(30, decode(10, 5, 0, 100, 1)[0]);
        // past the maximum 100 by 15: 85
        assertEquals(85, decode(95, 5, 0, 100, 1)[0]);
    }

    @Test
    void beyondBothBoundsIsClamped() {
        // a range of 0..3 and -10 mirrored to 10: still outside, so the maximum
        assertEquals(3, decode(10, 5, 0, 3, -1)[0]);
    }
}
