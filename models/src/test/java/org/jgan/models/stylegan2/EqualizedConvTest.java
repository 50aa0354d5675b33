package org.jgan.models.stylegan2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Autograd;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The discriminator's convolution computes its gains on the weight and bias (the activation's sqrt(2), the residual
 * block's sqrt(1/2)) and an image's 1x1 layer as a channels-last product; values and gradients must be those of the
 * layer as Karras et al. 2020 write it: convolve with weight / sqrt(fanIn), add the bias, leaky ReLU, times sqrt(2),
 * times the output gain.
 */
class EqualizedConvTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    private static GeneratorOptional rng(long seed) {
        return new GeneratorOptional(torch.createCPUGenerator(seed));
    }

    @ParameterizedTest
    @CsvSource({
        "1, 32, 1, true, false, true, 1.0",           // fromRGB of a grey image
        "3, 32, 1, true, false, true, 1.0",           // fromRGB of a colour image
        "32, 32, 3, true, false, true, 1.0",          // a block's first convolution
        "32, 64, 3, true, true, true, 0.70710678",    // its downsampling second convolution
        "32, 64, 1, false, true, false, 0.70710678"}) // its skip
    void gainsOnTheWeightsGiveTheLayerAsWritten(long in, long out, long k, boolean bias, boolean down, boolean lrelu,
                                                double outGain) {
        EqualizedConv conv = new EqualizedConv(in, out, k, bias, down, lrelu, outGain, torch.createCPUGenerator(3));
        try (StepScope s = StepScope.open()) {
            Tensor weight = conv.named_parameters().get("weight");
            Tensor b = bias ? conv.named_parameters().get("bias") : null;
            if (bias) {
                try (NoGradGuard ng = new NoGradGuard()) {
                    b.copy_(torch.randn(new long[]{out}, rng(4)));
                }
            }
            Tensor x = torch.randn(new long[]{4, in, 8, 8}, rng(5)).set_requires_grad(true);
            Tensor y = conv.forward(x);
            Tensor upstream = torch.randn(Tensors.shape(y), rng(6));
            Tensor[] got = gradients(y.mul(upstream).sum(), x, weight, b);

            // the definition, with libtorch's own convolution and every gain applied to the output
            Tensor wScaled = weight.mul(new Scalar(1.0 / Math.sqrt((double) in * k * k)));
            TensorOptional bo = bias ? new TensorOptional(b) : new TensorOptional();
            Tensor e;
            if (!down) {
                e = torch.conv2d(x, wScaled, bo, new long[]{1, 1}, new long[]{k / 2, k / 2}, new long[]{1, 1}, 1);
            } else if (k == 1) {
                e = torch.conv2d(Fir.down(x), wScaled, bo, new long[]{1, 1}, new long[]{0, 0}, new long[]{1, 1}, 1);
            } else {
                e = torch.conv2d(Fir.blur(x, 2, 1.0), wScaled, bo, new long[]{2, 2}, new long[]{0, 0},
                        new long[]{1, 1}, 1);
            }
            if (lrelu) {
                e = torch.leaky_relu(e, new Scalar(0.2)).mul(new Scalar(Math.sqrt(2)));
            }
            e = e.mul(new Scalar(outGain));
            Tensor[] want = gradients(e.mul(upstream).sum(), x, weight, b);

            assertArrayEquals(Tensors.shape(e), Tensors.shape(y));
            assertArrayEquals(Tensors.toFloats(e.detach()), Tensors.toFloats(y.detach()), 1e-4f);
            for (int i = 0; i < want.length; i++) {
                if (want[i] != null) {
                    assertArrayEquals(Tensors.toFloats(want[i]), Tensors.toFloats(got[i]), 1e-3f, "gradient " + i);
                }
            }
            // not vacuous: the layer's output is far from zero
            assertTrue(y.abs().max().item_double() > 0.5);
            if (k == 1 && !down) {
                assertTrue(y.is_contiguous(torch.MemoryFormat.ChannelsLast), "an image layer hands on channels-last");
            }
        }
        conv.close();
    }

    /** d loss / d each of xs (null entries stay null). */
    private static Tensor[] gradients(Tensor loss, Tensor... xs) {
        Tensor[] present = java.util.Arrays.stream(xs).filter(java.util.Objects::nonNull).toArray(Tensor[]::new);
        Tensor[] g = Autograd.grad(new Tensor[]{loss}, present, false);
        Tensor[] out = new Tensor[xs.length];
        for (int i = 0, j = 0; i < xs.length; i++) {
            if (xs[i] != null) {
                out[i] = g[j++];
            }
        }
        return out;
    }
}
