package org.jgan.engine;

import org.bytedeco.javacpp.LongPointer;

/**
 * Writes the multi-value fields of libtorch option objects (kernel size, stride, padding...).
 *
 * <p>Why: {@code LongPointer.put(2L, 2L)} is put(index, value); it writes past a two-element array and leaves the
 * first element alone (docs/engine.md, pitfall 3). Every option field goes through {@link #set} instead.
 */
public final class Opts {
    private Opts() {
    }

    /** Sets all {@code values.length} elements of {@code field}, starting at its first element. */
    public static void set(LongPointer field, long... values) {
        field.put(values);
    }

    /** A fresh pointer holding {@code values}, for constructors that take an ExpandingArray. */
    public static LongPointer of(long... values) {
        return new LongPointer(values);
    }

    /** The same value {@code n} times: {@code square(3, 2)} is a 3x3 kernel. */
    public static LongPointer square(long value, int n) {
        long[] v = new long[n];
        java.util.Arrays.fill(v, value);
        return new LongPointer(v);
    }
}
