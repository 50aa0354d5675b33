package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@link Opts} writes every element of a multi-value option (not put(index, value), pitfall 3 of
 * docs/engine.md): values read back in order, and a convolution built with them has the output shape the
 * formula floor((n + 2p - k) / s) + 1 gives per axis, for different values on the two axes and non-square input.
 */
class OptsTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static long[] read(LongPointer p, int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = p.get(i);
        }
        return v;
    }

    @Test
    void setWritesAllElementsInOrder() {
        try (StepScope s = StepScope.open()) {
            Conv2dOptions o = new Conv2dOptions(1, 1, Opts.of(3, 5));
            Opts.set(o.stride(), 2, 3);
            Opts.set(o.dilation(), 1, 2);
            assertArrayEquals(new long[]{3, 5}, read(o.kernel_size(), 2));
            assertArrayEquals(new long[]{2, 3}, read(o.stride(), 2));
            assertArrayEquals(new long[]{1, 2}, read(o.dilation(), 2));
            assertArrayEquals(new long[]{4, 4, 4}, read(Opts.square(4, 3), 3));
            assertArrayEquals(new long[]{7, 8}, read(Opts.of(7, 8), 2));
        }
    }

    @Test
    void convolutionBuiltWithOptsHasTheIntendedOutputShape() {
        try (StepScope s = StepScope.open()) {
            // kernel 3x5, stride 2x1 on a 1x2x11x17 input, no padding:
            // H = floor((11 - 3) / 2) + 1 = 5, W = floor((17 - 5) / 1) + 1 = 13
            Conv2dOptions o = new Conv2dOptions(2, 4, Opts.of(3, 5));
            Opts.set(o.stride(), 2, 1);
            Conv2dImpl conv = new Conv2dImpl(o);
            Tensor y = conv.forward(torch.zeros(1, 2, 11, 17));
            assertArrayEquals(new long[]{1, 4, 5, 13}, Tensors.shape(y));
            assertArrayEquals(new long[]{4, 2, 3, 5}, Tensors.shape(conv.weight()));
            assertEquals(4, conv.bias().size(0));
        }
    }
}
