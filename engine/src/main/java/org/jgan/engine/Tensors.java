package org.jgan.engine;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

/** Copies between Java arrays and tensors. Results belong to the current {@link StepScope}. */
public final class Tensors {
    private Tensors() {
    }

    /** A float32 tensor of {@code shape} holding a copy of {@code data}. */
    public static Tensor fromFloats(float[] data, long... shape) {
        checkSize(data.length, shape);
        FloatPointer p = new FloatPointer(data);
        try {
            return torch.from_blob(p, shape, new TensorOptions(torch.ScalarType.Float)).clone();
        } finally {
            p.close();
        }
    }

    /** An int64 tensor of {@code shape} holding a copy of {@code data}. */
    public static Tensor fromLongs(long[] data, long... shape) {
        checkSize(data.length, shape);
        LongPointer p = new LongPointer(data);
        try {
            return torch.from_blob(p, shape, new TensorOptions(torch.ScalarType.Long)).clone();
        } finally {
            p.close();
        }
    }

    /**
     * The rows {@code rows[idx[0]], rows[idx[1]], ...} as an int64 tensor [idx.length, L] (word ids of captions, say);
     * every row must have the same length L.
     */
    public static Tensor fromRows(int[][] rows, int[] idx) {
        if (idx.length == 0) {
            throw new IllegalArgumentException("no rows to make a tensor of");
        }
        int len = rows[idx[0]].length;
        long[] flat = new long[idx.length * len];
        for (int i = 0; i < idx.length; i++) {
            int[] r = rows[idx[i]];
            if (r.length != len) {
                throw new IllegalArgumentException("rows of different lengths: " + len + " and " + r.length);
            }
            for (int k = 0; k < len; k++) {
                flat[i * len + k] = r[k];
            }
        }
        return fromLongs(flat, idx.length, len);
    }

    /**
     * Items {@code idx[0], idx[1], ...} of {@code values}, each {@code per} consecutive floats (a table row, a series
     * window), as a float tensor of {@code shape} (whose first dimension is {@code idx.length}).
     */
    public static Tensor gather(float[] values, int per, int[] idx, long... shape) {
        float[] out = new float[idx.length * per];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(values, idx[i] * per, out, i * per, per);
        }
        return fromFloats(out, shape);
    }

    /** All elements of {@code t} as float32, in row-major order. */
    public static float[] toFloats(Tensor t) {
        Tensor c = t.detach().to(torch.ScalarType.Float).contiguous();
        float[] out = new float[(int) c.numel()];
        c.data_ptr_float().get(out);
        return out;
    }

    /** All elements of {@code t} as float64, in row-major order. */
    public static double[] toDoubles(Tensor t) {
        Tensor c = t.detach().to(torch.ScalarType.Double).contiguous();
        double[] out = new double[(int) c.numel()];
        c.data_ptr_double().get(out);
        return out;
    }

    /** All elements of an integer tensor as longs. */
    public static long[] toLongs(Tensor t) {
        Tensor c = t.detach().to(torch.ScalarType.Long).contiguous();
        long[] out = new long[(int) c.numel()];
        c.data_ptr_long().get(out);
        return out;
    }

    /**
     * Pixel rows (N H W x C, or anything that views so, pixels in N, H, W order) as N x C x H x W maps laid out
     * channels-last: a view, no copy. A product whose rows are pixels (an image times a 1x1 weight, im2col's columns
     * times a kernel, a dense layer with its rows ordered by pixel) writes its maps in the layout oneDNN works in, so
     * the convolution after it copies nothing.
     */
    public static Tensor channelsLastMaps(Tensor rows, long n, long h, long w) {
        return rows.view(n, h, w, -1).permute(0, 3, 1, 2);
    }

    /** The shape of {@code t}. */
    public static long[] shape(Tensor t) {
        long[] s = new long[(int) t.dim()];
        for (int i = 0; i < s.length; i++) {
            s[i] = t.size(i);
        }
        return s;
    }

    private static void checkSize(int n, long[] shape) {
        long m = 1;
        for (long s : shape) {
            m *= s;
        }
        if (m != n) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " holds " + m
                    + " elements, data has " + n);
        }
    }
}
