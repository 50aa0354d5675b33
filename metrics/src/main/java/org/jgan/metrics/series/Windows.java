package org.jgan.metrics.series;

import java.util.SplittableRandom;

/**
 * Series windows for scoring: {@code count} windows of {@code steps} steps and {@code features} values per step,
 * row-major (window, step, feature).
 */
public record Windows(int count, int steps, int features, float[] values) {
    public Windows {
        if (count < 1 || steps < 2 || features < 1 || values.length != (long) count * steps * features) {
            throw new IllegalArgumentException(count + " windows of " + steps + " x " + features + " need "
                    + (long) count * steps * features + " values, got " + values.length);
        }
    }

    /** The windows at {@code idx}, in that order. */
    public Windows select(int[] idx) {
        int per = steps * features;
        float[] out = new float[idx.length * per];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(values, idx[i] * per, out, i * per, per);
        }
        return new Windows(idx.length, steps, features, out);
    }

    /** Each feature mapped to [0, 1] by {@code reference}'s minimum and maximum (TimeGAN's metrics score there). */
    public Windows scaledLike(Windows reference) {
        float[] lo = new float[features];
        float[] hi = new float[features];
        java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < reference.values.length; i++) {
            lo[i % features] = Math.min(lo[i % features], reference.values[i]);
            hi[i % features] = Math.max(hi[i % features], reference.values[i]);
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            int k = i % features;
            out[i] = hi[k] > lo[k] ? (values[i] - lo[k]) / (hi[k] - lo[k]) : 0.5f;
        }
        return new Windows(count, steps, features, out);
    }

    /**
     * The baseline a series model must beat: every window's steps in a random order (seeded), which keeps each
     * value's distribution and destroys the dynamics.
     */
    public Windows shuffledInTime(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[values.length];
        int[] order = new int[steps];
        for (int i = 0; i < count; i++) {
            for (int t = 0; t < steps; t++) {
                order[t] = t;
            }
            for (int t = steps - 1; t > 0; t--) {
                int j = r.nextInt(t + 1);
                int x = order[t];
                order[t] = order[j];
                order[j] = x;
            }
            for (int t = 0; t < steps; t++) {
                System.arraycopy(values, (i * steps + order[t]) * features, out, (i * steps + t) * features, features);
            }
        }
        return new Windows(count, steps, features, out);
    }

    /** Windows {@code from} .. {@code from + n - 1} as a [n, steps, features] float tensor, in the caller's scope. */
    org.bytedeco.pytorch.Tensor tensor(int[] idx) {
        return org.jgan.engine.Tensors.gather(values, steps * features, idx, idx.length, steps, features);
    }
}
