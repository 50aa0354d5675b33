package org.jgan.metrics.npz;

import java.util.Arrays;

/**
 * One array of a {@code .npy}/{@code .npz} file as float64 values in row-major (C) order.
 *
 * @param shape dimensions; empty for a scalar (0-d array)
 * @param data  the values, {@code product(shape)} of them
 */
public record NpyArray(long[] shape, double[] data) {
    public NpyArray {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got "
                    + data.length);
        }
    }

    public static NpyArray vector(double[] v) {
        return new NpyArray(new long[]{v.length}, v);
    }

    public static NpyArray matrix(double[] v, int rows, int cols) {
        return new NpyArray(new long[]{rows, cols}, v);
    }

    public static NpyArray scalar(double v) {
        return new NpyArray(new long[0], new double[]{v});
    }

    /** "[128, 128]", as numpy prints shapes in messages. */
    public String shapeString() {
        return Arrays.toString(shape);
    }
}
