package org.jgan.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.StepScope;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ConditionalBatchNorm} against a direct computation: each sample is normalised with the batch's per-channel
 * mean and (biased) variance, then scaled and shifted by its own class's row of the tables; its parameters train.
 */
class ConditionalBatchNormTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @Test
    void normalisesWithTheBatchAndAppliesTheSamplesClass() {
        try (StepScope s = StepScope.open()) {
            torch.manual_seed(5);
            ConditionalBatchNorm cbn = new ConditionalBatchNorm(3, 4);
            cbn.reset(9);
            Tensor gamma = cbn.named_parameters(true).get("gamma.weight");
            Tensor beta = cbn.named_parameters(true).get("beta.weight");
            try (NoGradGuard g = new NoGradGuard()) {
                // distinct tables, so a wrong row or a swapped scale/shift shows
                gamma.copy_(torch.arange(new Scalar(12)).view(3, 4).to(torch.ScalarType.Float).mul(new Scalar(0.1))
                        .add(new Scalar(0.5)));
                beta.copy_(torch.arange(new Scalar(12)).view(3, 4).to(torch.ScalarType.Float).neg());
            }
            Tensor x = torch.randn(6, 4, 3, 5).mul(new Scalar(2)).add(new Scalar(1));
            Tensor y = torch.arange(new Scalar(6)).remainder(new Scalar(3));
            Tensor out = cbn.forward(x, y);

            long[] dims = {0, 2, 3};
            Tensor mean = x.mean(dims, true, new org.bytedeco.pytorch.ScalarTypeOptional());
            Tensor var = x.sub(mean).pow(new Scalar(2)).mean(dims, true, new org.bytedeco.pytorch.ScalarTypeOptional());
            Tensor norm = x.sub(mean).div(var.add(new Scalar(1e-5)).sqrt());
            Tensor expected = norm.mul(gamma.index_select(0, y).view(6, 4, 1, 1))
                    .add(beta.index_select(0, y).view(6, 4, 1, 1));
            assertEquals(0.0, out.sub(expected).abs().max().item_double(), 1e-4);

            out.sum().backward();
            assertTrue(gamma.grad().abs().sum().item_double() > 0, "the class scales get gradients");
            assertTrue(beta.grad().abs().sum().item_double() > 0, "the class shifts get gradients");
        }
    }

    @Test
    void resetSpreadsTheClassesAroundTheIdentity() {
        try (StepScope s = StepScope.open()) {
            ConditionalBatchNorm cbn = new ConditionalBatchNorm(10, 64);
            cbn.reset(1);
            Tensor gamma = cbn.named_parameters(true).get("gamma.weight");
            Tensor beta = cbn.named_parameters(true).get("beta.weight");
            assertEquals(1.0, gamma.mean().item_double(), 0.05);
            assertEquals(ConditionalBatchNorm.SCALE_SPREAD, gamma.std().item_double(), 0.05);
            assertEquals(0.0, beta.mean().item_double(), 0.1);
            assertEquals(ConditionalBatchNorm.SHIFT_SPREAD, beta.std().item_double(), 0.1);
        }
    }
}
