package org.jgan.models.i2i;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.StepScope;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Blocks#instanceNorm}: libtorch's instance norm, values and gradients, and channels-last maps stay so. */
class BlocksTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void instanceNormIsLibtorchsInEitherLayoutAndKeepsChannelsLast() {
        try (StepScope s = StepScope.open()) {
            torch.manual_seed(3);
            // An offset and a scale per map, so statistics over the wrong axes would not pass.
            Tensor base = torch.randn(new long[]{3, 5, 6, 7}).to(torch.ScalarType.Double)
                    .mul(torch.rand(new long[]{3, 5, 1, 1}).to(torch.ScalarType.Double).mul(new Scalar(4.0))
                            .add(new Scalar(0.5)))
                    .add(torch.randn(new long[]{3, 5, 1, 1}).to(torch.ScalarType.Double).mul(new Scalar(3.0)));
            Tensor upstream = torch.randn(new long[]{3, 5, 6, 7}).to(torch.ScalarType.Double);
            Tensor x0 = base.clone().set_requires_grad(true);
            Tensor ref = torch.instance_norm(x0, new TensorOptional(), new TensorOptional(), new TensorOptional(),
                    new TensorOptional(), true, 0.1, 1e-5, false);
            ref.mul(upstream).sum().backward();
            for (boolean cl : new boolean[]{false, true}) {
                Tensor x = (cl ? base.contiguous(torch.MemoryFormat.ChannelsLast) : base.clone())
                        .set_requires_grad(true);
                Tensor y = Blocks.instanceNorm(x);
                y.mul(upstream).sum().backward();
                assertTrue(y.sub(ref).abs().max().item_double() < 1e-10, "values, channels-last " + cl);
                assertTrue(x.grad().sub(x0.grad()).abs().max().item_double() < 1e-10, "gradients, channels-last "
                        + cl);
                assertTrue(y.is_contiguous(cl ? torch.MemoryFormat.ChannelsLast : torch.MemoryFormat.Contiguous),
                        "the output keeps the input's layout, channels-last " + cl);
            }
            Tensor f = base.to(torch.ScalarType.Float).contiguous(torch.MemoryFormat.ChannelsLast);
            Tensor fy = Blocks.instanceNorm(f);
            assertTrue(fy.is_contiguous(torch.MemoryFormat.ChannelsLast), "float32 channels-last maps stay so");
            assertTrue(fy.to(torch.ScalarType.Double).sub(ref).abs().max().item_double() < 1e-4, "float32 values");
        }
    }
}
