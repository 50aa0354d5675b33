package org.jgan.models.stylegan2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.GeneratorOptional;
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

class FirTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @ParameterizedTest
    @CsvSource({"1, 4, 4", "3, 8, 8", "2, 5, 7"})
    void upsamplingIsTheFilteredZeroInsertionItDefines(long channels, long h, long w) {
        // the definition: a stride-2 transposed convolution with the 4x4 filter of gain 4, padding 1, one group per
        // channel, in float64; Fir.up computes it as U x U^T, values and gradients must agree
        try (StepScope s = StepScope.open()) {
            Tensor x = torch.randn(new long[]{3, channels, h, w},
                    new GeneratorOptional(torch.createCPUGenerator(3))).to(torch.ScalarType.Double).requires_grad_();
            Tensor definition = torch.conv_transpose2d(x, Fir.kernel(channels, 4.0).to(torch.ScalarType.Double),
                    new TensorOptional(), new long[]{2, 2}, new long[]{1, 1}, new long[]{0, 0}, channels,
                    new long[]{1, 1});
            Tensor up = Fir.up(x);
            assertArrayEquals(new long[]{3, channels, 2 * h, 2 * w}, Tensors.shape(up));
            assertTrue(up.sub(definition).abs().max().item_double() < 1e-12, "values");
            Tensor g = torch.randn(new long[]{3, channels, 2 * h, 2 * w},
                    new GeneratorOptional(torch.createCPUGenerator(4))).to(torch.ScalarType.Double);
            Tensor gDef = Autograd.grad(definition.mul(g).sum(), x, false);
            Tensor gUp = Autograd.grad(up.mul(g).sum(), x, false);
            assertTrue(gUp.sub(gDef).abs().max().item_double() < 1e-12, "gradients");
            // a constant image stays that constant away from the border
            Tensor c = Fir.up(torch.ones(new long[]{1, 1, h, w}).mul(new org.bytedeco.pytorch.Scalar(0.7)));
            double inner = c.narrow(2, 2, 2 * h - 4).narrow(3, 2, 2 * w - 4).sub(new org.bytedeco.pytorch.Scalar(0.7))
                    .abs().max().item_double();
            assertTrue(inner < 1e-6, "constant off by " + inner);
        }
    }
}
