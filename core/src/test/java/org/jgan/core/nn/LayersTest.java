package org.jgan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves that {@link Layers#conv} and {@link Layers#convT} apply the kernel, stride, padding and output padding they
 * are given, on both axes: output sizes match the convolution formulas for several settings and non-square inputs.
 */
class LayersTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** Output side = floor((n + 2p - k) / s) + 1. */
    @ParameterizedTest(name = "conv k={0} s={1} p={2} on {3}x{4}")
    @CsvSource({
        "4, 2, 1, 28, 20",
        "3, 1, 1, 9, 13",
        "3, 1, 0, 9, 13",
        "5, 3, 2, 17, 10",
        "1, 1, 0, 3, 8",
        "4, 2, 0, 11, 6"})
    void convOutputShape(long k, long s, long p, long h, long w) {
        try (StepScope scope = StepScope.open()) {
            ConvLayer conv = Layers.conv(3, 5, k, s, p, true);
            Tensor y = conv.forward(torch.zeros(2, 3, h, w));
            assertArrayEquals(new long[]{2, 5, (h + 2 * p - k) / s + 1, (w + 2 * p - k) / s + 1},
                    Tensors.shape(y));
            assertArrayEquals(new long[]{5, 3, k, k}, Tensors.shape(conv.weight()));
        }
    }

    /** Output side = (n - 1) s - 2p + k + outputPadding. */
    @ParameterizedTest(name = "convT k={0} s={1} p={2} op={3} on {4}x{5}")
    @CsvSource({
        "4, 2, 1, 0, 7, 5",
        "3, 2, 1, 1, 7, 5",
        "3, 1, 0, 0, 4, 6",
        "4, 2, 1, 0, 14, 3",
        "5, 3, 2, 2, 6, 9"})
    void convTransposeOutputShape(long k, long s, long p, long op, long h, long w) {
        try (StepScope scope = StepScope.open()) {
            ConvLayer up = Layers.convT(4, 2, k, s, p, op, false);
            Tensor y = up.forward(torch.zeros(1, 4, h, w));
            assertArrayEquals(new long[]{1, 2, (h - 1) * s - 2 * p + k + op, (w - 1) * s - 2 * p + k + op},
                    Tensors.shape(y));
            assertNull(up.bias(), "bias=false must leave no bias");
        }
    }

    @Test
    void convWithoutBiasAndLinear() {
        try (StepScope scope = StepScope.open()) {
            assertNull(Layers.conv(1, 2, 3, 1, 1, false).bias());
            var fc = Layers.linear(6, 4, true);
            assertArrayEquals(new long[]{3, 4}, Tensors.shape(fc.forward(torch.zeros(3, 6))));
            assertTrue(fc.bias().defined());
        }
    }

    /** Radford et al. 2015: weights N(0, 0.02), batch-norm scales N(1, 0.02), biases 0; the same seed, the same. */
    @Test
    void dcganInitIsDeterministicWithThePaperStatistics() {
        try (StepScope scope = StepScope.open()) {
            ConvLayer a = Layers.conv(8, 64, 4, 2, 1, true);
            ConvLayer b = Layers.conv(8, 64, 4, 2, 1, true);
            var bn = Layers.bn2d(4096);
            Layers.dcganInit(a, 5);
            Layers.dcganInit(b, 5);
            Layers.dcganInit(bn, 5);
            assertArrayEquals(Tensors.toFloats(a.weight()), Tensors.toFloats(b.weight()));
            assertEquals(0.0, a.weight().mean().item_double(), 0.002);
            assertEquals(0.02, a.weight().std().item_double(), 0.002);
            assertEquals(0.0, a.bias().abs().sum().item_double(), 0.0);
            assertEquals(1.0, bn.weight().mean().item_double(), 0.002);
            assertEquals(0.02, bn.weight().std().item_double(), 0.002);
            assertEquals(0.0, bn.bias().abs().sum().item_double(), 0.0);
        }
    }

    @Test
    void aThreeByThreeConvolutionOfTheDoubledInputIsATransposedConvolution() {
        try (StepScope scope = StepScope.open()) {
            Tensor x = torch.randn(new long[]{2, 5, 6, 7},
                    new org.bytedeco.pytorch.GeneratorOptional(torch.createCPUGenerator(1)));
            Tensor w = torch.randn(new long[]{3, 5, 3, 3},
                    new org.bytedeco.pytorch.GeneratorOptional(torch.createCPUGenerator(2)));
            Tensor direct = torch.conv2d(Layers.doubled(x).to(torch.ScalarType.Double), w.to(torch.ScalarType.Double),
                    new org.bytedeco.pytorch.TensorOptional(), new long[]{1, 1}, new long[]{1, 1}, new long[]{1, 1}, 1);
            Tensor k = Layers.doubledConvAsTransposed(w.to(torch.ScalarType.Double));
            assertArrayEquals(new long[]{5, 3, 4, 4}, Tensors.shape(k), "in x out x 4 x 4");
            Tensor viaT = torch.conv_transpose2d(x.to(torch.ScalarType.Double), k,
                    new org.bytedeco.pytorch.TensorOptional(), new long[]{2, 2}, new long[]{1, 1}, new long[]{0, 0}, 1,
                    new long[]{1, 1});
            assertArrayEquals(new long[]{2, 3, 12, 14}, Tensors.shape(viaT));
            // float64 on both sides: equal to rounding, edges (the zero padding) included
            assertTrue(viaT.sub(direct).abs().max().item_double() < 1e-12, "max difference "
                    + viaT.sub(direct).abs().max().item_double());
            assertTrue(direct.abs().max().item_double() > 1, "not a vacuous comparison");
        }
    }
}
