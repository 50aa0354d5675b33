package org.jgan.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InterpolationTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void slerpFollowsTheGreatCircleAndInterpolatesTheNorm() {
        try (StepScope s = StepScope.open()) {
            Tensor a = Tensors.fromFloats(new float[]{2, 0, 0, 1}, 2, 2);
            Tensor b = Tensors.fromFloats(new float[]{0, 4, 0, 1}, 2, 2);
            // row 0: a quarter turn from (2, 0) to (0, 4): halfway is at 45 degrees with norm 3
            double r = 3 / Math.sqrt(2);
            // row 1: parallel rows fall back to the straight line
            assertArrayEquals(new float[]{(float) r, (float) r, 0, 1},
                    Tensors.toFloats(Interpolation.slerp(a, b, 0.5)), 1e-5f);
            assertArrayEquals(Tensors.toFloats(a), Tensors.toFloats(Interpolation.slerp(a, b, 0)), 1e-6f);
            assertArrayEquals(Tensors.toFloats(b), Tensors.toFloats(Interpolation.slerp(a, b, 1)), 1e-6f);
            // a straight line would cut the corner: norm sqrt(1 + 4) at t = 0.5, not 3
            assertEquals(Math.sqrt(5), Interpolation.lerp(a, b, 0.5).narrow(0, 0, 1).norm().item_double(), 1e-5);
        }
    }

    @Test
    void pathVisitsEveryKeyWithStepsFramesPerSegment() {
        try (StepScope s = StepScope.open()) {
            Tensor a = Tensors.fromFloats(new float[]{0, 0}, 1, 2);
            Tensor b = Tensors.fromFloats(new float[]{4, 0}, 1, 2);
            Tensor c = Tensors.fromFloats(new float[]{4, 8}, 1, 2);
            Tensor p = Interpolation.path(List.of(a, b, c), 4, false);
            assertArrayEquals(new long[]{9, 2}, Tensors.shape(p));
            assertArrayEquals(new float[]{0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 4, 2, 4, 4, 4, 6, 4, 8}, Tensors.toFloats(p),
                    1e-6f);
        }
    }
}
