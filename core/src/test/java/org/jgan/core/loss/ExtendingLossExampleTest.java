package org.jgan.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.StepScope;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/extending.md's worked loss, proved like the registered ones in {@link LossesTest}: against values worked out
 * by hand for its logits r = [1, -0.5, 2] and f = [-1, 0.5, 0].
 */
class ExtendingLossExampleTest {
    /**
     * The least-squares loss with Mao et al. 2017's other coding, a = -1, b = 1, c = 0 (their eq. 8, for which the
     * generator minimises the Pearson chi-squared divergence): D pulls real logits to 1 and fake ones to -1, G pulls
     * fake logits to 0, the boundary.
     */
    static final class SymmetricLeastSquaresLoss implements GanLoss {
        @Override
        public String name() {
            return "least-squares-symmetric";
        }

        @Override
        public Tensor discriminator(Tensor realLogits, Tensor fakeLogits) {
            // 0.5 * mean((r - 1)^2) + 0.5 * mean((f + 1)^2). Scalars are made per call: like tensors, they belong to
            // the step's scope, so a constant made during one step would be freed when that step ends.
            Scalar one = new Scalar(1.0);
            return realLogits.sub(one).square().mean().add(fakeLogits.add(one).square().mean())
                    .mul(new Scalar(0.5));
        }

        @Override
        public Tensor generator(Tensor fakeLogits) {
            // 0.5 * mean(f^2)
            return fakeLogits.square().mean().mul(new Scalar(0.5));
        }
    }

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @Test
    void matchesTheValuesWorkedOutByHand() {
        try (StepScope s = StepScope.open()) {
            GanLoss l = new SymmetricLeastSquaresLoss();
            // D: 0.5 (0 + 2.25 + 1)/3 + 0.5 (0 + 2.25 + 1)/3 = 3.25/3
            assertEquals(3.25 / 3, LossesTest.d(l), 1e-12);
            // G: 0.5 (1 + 0.25 + 0)/3
            assertEquals(0.625 / 3, LossesTest.g(l), 1e-12);
        }
    }

    @Test
    void theGeneratorIsBestOffOnTheBoundary() {
        try (StepScope s = StepScope.open()) {
            GanLoss l = new SymmetricLeastSquaresLoss();
            assertEquals(0.0, l.generator(LossesTest.dbl(0, 0)).item_double(), 0);
            assertTrue(l.generator(LossesTest.dbl(0.1)).item_double() > 0);
            assertTrue(l.generator(LossesTest.dbl(-0.1)).item_double() > 0);
        }
    }
}
