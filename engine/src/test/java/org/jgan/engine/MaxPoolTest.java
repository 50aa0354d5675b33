package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MaxPoolTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @Test
    void equalsLibtorchsPoolingBitForBitWithOddSidesAndNaN() {
        torch.manual_seed(3);
        for (long[] shape : new long[][]{{5, 3, 28, 28}, {2, 7, 7, 7}, {1, 1, 3, 5}, {4, 2, 2, 2}}) {
            try (StepScope scope = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
                Tensor x = torch.randn(shape);
                x.view(-1).narrow(0, 4, 1).fill_(new Scalar(Double.NaN));
                float[] want = Tensors.toFloats(torch.max_pool2d(x, 2, 2));
                Tensor got = MaxPool.twoByTwo(x);
                assertArrayEquals(Tensors.shape(torch.max_pool2d(x, 2, 2)), Tensors.shape(got));
                float[] have = Tensors.toFloats(got);
                for (int i = 0; i < want.length; i++) {
                    assertTrue(Float.floatToIntBits(want[i]) == Float.floatToIntBits(have[i]),
                            java.util.Arrays.toString(shape) + " at " + i + ": " + want[i] + " against " + have[i]);
                }
            }
        }
    }

    @Test
    void underAutogradTheGradientIsLibtorchsOwn() {
        try (StepScope scope = StepScope.open()) {
            // ties everywhere: libtorch sends each window's gradient to one element, not to all of them
            Tensor a = torch.ones(1, 1, 4, 4).requires_grad_(true);
            MaxPool.twoByTwo(a).sum().backward();
            Tensor b = torch.ones(1, 1, 4, 4).requires_grad_(true);
            torch.max_pool2d(b, 2, 2).sum().backward();
            assertArrayEquals(Tensors.toFloats(b.grad()), Tensors.toFloats(a.grad()));
        }
    }
}
