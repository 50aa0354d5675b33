package org.jgan.core.reg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mode-seeking term on batches whose answer is worked out by hand. */
class ModeSeekingTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    private static Tensor of(float[] v, long... shape) {
        return Tensors.fromFloats(v, shape);
    }

    private static Tensor labels(long... v) {
        return Tensors.fromLongs(v, v.length);
    }

    @Test
    void pairsImagesOfOneClassOnly() {
        try (StepScope s = StepScope.open()) {
            // Classes 1, 0, 1, 0: sorted, the pairs are (1, 3) of class 0 and (0, 2) of class 1.
            Tensor z = of(new float[]{0, 0, 2, 2, 4, 4, 1, 1}, 4, 2);
            Tensor fake = of(new float[]{0, 0, 1, 1, 4, 4, 3, 3}, 4, 1, 1, 2);
            // class 1: mean |x0 - x2| = 4, mean |z0 - z2| = 4: ratio 1, term 1 / (1 + eps).
            // class 0: mean |x1 - x3| = 2, mean |z1 - z3| = 1: ratio 2, term 1 / (2 + eps).
            double got = ModeSeeking.loss(z, fake, labels(1, 0, 1, 0)).item_double();
            assertEquals((1 / (1 + ModeSeeking.EPS) + 1 / (2 + ModeSeeking.EPS)) / 2, got, 1e-6);
        }
    }

    @Test
    void leavesOutPairsOfTwoClasses() {
        try (StepScope s = StepScope.open()) {
            // Classes 0, 0, 0, 1: pairs (0, 1) of class 0 and (2, 3) across classes, which must not count.
            Tensor z = of(new float[]{0, 2, 0, 0}, 4, 1);
            Tensor fake = of(new float[]{0, 1, 100, 100}, 4, 1, 1, 1);
            double got = ModeSeeking.loss(z, fake, labels(0, 0, 0, 1)).item_double();
            assertEquals(1 / (0.5 + ModeSeeking.EPS), got, 1e-6, "only the class-0 pair: distance 1 over 2");
        }
    }

    @Test
    void pairsRowsOfTwoDrawsForTheSameConditions() {
        try (StepScope s = StepScope.open()) {
            // Row 0: mean |x| distance 3 over mean |z| distance 1, term 1 / (3 + eps); row 1: 1 over 1, 1 / (1 + eps).
            Tensor z1 = of(new float[]{0, 0, 1, 1}, 2, 2);
            Tensor z2 = of(new float[]{1, 1, 0, 2}, 2, 2);
            Tensor x1 = of(new float[]{0, 0, 5, 5}, 2, 1, 1, 2);
            Tensor x2 = of(new float[]{3, -3, 5, 7}, 2, 1, 1, 2);
            double got = ModeSeeking.pairs(z1, x1, z2, x2).item_double();
            assertEquals((1 / (3 + ModeSeeking.EPS) + 1 / (1 + ModeSeeking.EPS)) / 2, got, 1e-6);
        }
    }

    @Test
    void isZeroWithoutASameClassPair() {
        try (StepScope s = StepScope.open()) {
            Tensor z = of(new float[]{0, 1}, 2, 1);
            Tensor fake = of(new float[]{0, 1}, 2, 1, 1, 1);
            assertEquals(0.0, ModeSeeking.loss(z, fake, labels(0, 1)).item_double());
        }
    }
}
