package org.jgan.models.stylegan2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.AutoGradMode;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batched modulated convolution (scale inputs, shared convolution, scale outputs) against the definition of
 * Karras et al. 2020, eq. 1 and 3: one modulated and demodulated weight per sample, each sample convolved alone.
 */
class ModulatedConvTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    static GeneratorOptional rng(long seed) {
        return new GeneratorOptional(torch.createCPUGenerator(seed));
    }

    @ParameterizedTest
    @CsvSource({"false,false,false", "true,false,false", "false,true,false", "false,false,true", "true,false,true",
        "false,true,true"})
    void batchedModulationMatchesPerSampleWeights(boolean up, boolean toRgb, boolean training) {
        long n = 3;
        long in = 4;
        long out = toRgb ? 3 : 5;
        long k = toRgb ? 1 : 3;
        ModulatedConv conv = new ModulatedConv(in, out, k, 6, up, toRgb, up ? 12 : 6,
                torch.createCPUGenerator(1));
        try (StepScope s = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
            // non-zero bias and noise strength, so every term of the layer is checked
            conv.bias().copy_(torch.randn(new long[]{out}, rng(2)));
            if (!toRgb) {
                conv.named_parameters().get("noise_strength").fill_(new Scalar(0.7));
            }
            Tensor x = torch.randn(new long[]{n, in, 6, 6}, rng(3));
            Tensor w = torch.randn(new long[]{n, 6}, rng(4));
            Tensor batched;
            // with gradients on, the training form (still with the fixed noise, as no generator is given)
            try (AutoGradMode gm = new AutoGradMode(training)) {
                batched = conv.forward(x, w, null);
            }
            Tensor styles = conv.styles(w);
            TensorVector direct = new TensorVector();
            for (int i = 0; i < n; i++) {
                // w'[o, c, k] = w[o, c, k] s[c]; demodulated: w'' = w' / sqrt(sum_{c,k} w'^2 + 1e-8)
                Tensor wi = conv.weight().mul(styles.select(0, i).view(1, in, 1, 1));
                if (!toRgb) {
                    Tensor norm = wi.square().sum(new long[]{1, 2, 3}, true,
                            new org.bytedeco.pytorch.ScalarTypeOptional()).add(new Scalar(1e-8)).rsqrt();
                    wi = wi.mul(norm);
                }
                Tensor xi = x.narrow(0, i, 1);
                Tensor yi = up
                        ? Fir.blur(torch.conv_transpose2d(xi, wi.transpose(0, 1), new TensorOptional(),
                                new long[]{2, 2}, new long[]{0, 0}, new long[]{0, 0}, 1, new long[]{1, 1}), 1, 4.0)
                        : torch.conv2d(xi, wi, new TensorOptional(), new long[]{1, 1}, new long[]{k / 2, k / 2},
                                new long[]{1, 1}, 1);
                if (!toRgb) {
                    yi = yi.add(conv.named_buffers().get("noise_const").view(1, 1, yi.size(2), -1)
                            .mul(new Scalar(0.7)));
                }
                yi = yi.add(conv.bias().view(1, -1, 1, 1));
                direct.push_back(toRgb ? yi : torch.leaky_relu(yi, new Scalar(0.2)).mul(new Scalar(Math.sqrt(2))));
            }
            Tensor expected = torch.cat(direct, 0);
            long side = up ? 12 : 6;
            assertArrayEquals(new long[]{n, out, side, side}, Tensors.shape(batched));
            assertArrayEquals(Tensors.toFloats(expected), Tensors.toFloats(batched), 1e-4f);
            // the check is not vacuous: the samples' styles differ, so their effective weights do
            assertTrue(styles.select(0, 0).sub(styles.select(0, 1)).abs().max().item_double() > 0.1);
        }
        conv.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void samplingComputesWhatTrainingComputes(boolean up) {
        // Without gradients the layer takes its sampling form (in place); with them, its training form (toRGB has one
        // form for both). Same inputs, same fixed noise: the same values up to float rounding.
        long out = 32;
        ModulatedConv conv = new ModulatedConv(16, out, 3, 6, up, false, up ? 16 : 8,
                torch.createCPUGenerator(8));
        try (StepScope s = StepScope.open()) {
            try (NoGradGuard ng = new NoGradGuard()) {
                conv.bias().copy_(torch.randn(new long[]{out}, rng(9)));
                conv.named_parameters().get("noise_strength").fill_(new Scalar(-0.4));
            }
            // channels-last, as the convolution before hands its maps on
            Tensor x = torch.randn(new long[]{5, 16, 8, 8}, rng(10)).contiguous(torch.MemoryFormat.ChannelsLast);
            Tensor w = torch.randn(new long[]{5, 6}, rng(11));
            Tensor training = conv.forward(x, w, null);
            assertTrue(training.requires_grad(), "the training form keeps the graph");
            Tensor sampling;
            try (NoGradGuard ng = new NoGradGuard()) {
                sampling = conv.forward(x, w, null);
            }
            assertArrayEquals(Tensors.shape(training), Tensors.shape(sampling));
            assertArrayEquals(Tensors.toFloats(training.detach().contiguous()),
                    Tensors.toFloats(sampling.contiguous()), 1e-5f);
            // given its input to overwrite (as the synthesis network does), the same values exactly
            Tensor owned = x.clone(new MemoryFormatOptional(torch.MemoryFormat.ChannelsLast));
            Tensor inPlace;
            try (NoGradGuard ng = new NoGradGuard()) {
                inPlace = conv.forward(owned, w, null, true);
            }
            assertArrayEquals(Tensors.toFloats(sampling.contiguous()), Tensors.toFloats(inPlace.contiguous()));
            assertFalse(torch.equal(owned, x), "the owned input is the one overwritten");
        }
        conv.close();
    }

    @Test
    void demodulationGivesUnitVarianceOutputsForUnitVarianceInputs() {
        // Karras et al. 2020, eq. 2-3: with i.i.d. unit-variance inputs, each output of the demodulated convolution
        // has unit standard deviation whatever the style. Checked before noise, bias and activation.
        ModulatedConv conv = new ModulatedConv(64, 8, 3, 6, false, false, 16, torch.createCPUGenerator(5));
        try (StepScope s = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
            Tensor x = torch.randn(new long[]{4, 64, 16, 16}, rng(6));
            Tensor st = conv.styles(torch.randn(new long[]{4, 6}, rng(7)).mul(new Scalar(3.0)));
            Tensor y = torch.conv2d(x.mul(st.view(4, 64, 1, 1)), conv.weight(), new TensorOptional(),
                    new long[]{1, 1}, new long[]{0, 0}, new long[]{1, 1}, 1).mul(conv.demodulation(st).view(4, 8, 1, 1));
            double std = y.std().item_double();
            assertEquals(1.0, std, 0.05, "output std " + std);
        }
        conv.close();
    }
}
