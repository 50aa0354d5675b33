package org.jgan.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContrastiveTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @Test
    void lossOfAHandBuiltBatchIsTheCrossEntropyOfItsDiagonal() {
        try (StepScope s = StepScope.open()) {
            // three orthogonal unit pairs at temperature 1: every row's logits are (1, 0, 0) up to order, so each
            // side's cross-entropy is log(e + 2) - 1
            Tensor a = Tensors.fromFloats(new float[]{1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 3);
            double expected = Math.log(Math.E + 2) - 1;
            assertEquals(expected, Contrastive.symmetricLoss(a, a, 1.0).item_double(), 1e-6);
            // the same captions paired with the wrong images: the diagonal scores 0, one other entry 1
            Tensor shifted = Tensors.fromFloats(new float[]{0, 1, 0, 0, 0, 1, 1, 0, 0}, 3, 3);
            double wrong = Math.log(Math.E + 2);
            assertEquals(wrong, Contrastive.symmetricLoss(a, shifted, 1.0).item_double(), 1e-6);
            // a lower temperature sharpens the right pairing towards zero loss
            assertTrue(Contrastive.symmetricLoss(a, a, 0.07).item_double() < 1e-5);
        }
    }

    @Test
    void unitAndStandardisedRowsAreWhatTheySay() {
        try (StepScope s = StepScope.open()) {
            Tensor v = Tensors.fromFloats(new float[]{3, 4, 0, 0}, 2, 2);
            float[] u = Tensors.toFloats(Contrastive.unit(v));
            assertEquals(0.6f, u[0], 1e-6);
            assertEquals(0.8f, u[1], 1e-6);
            assertEquals(0f, u[2]); // a zero row stays zero, not NaN
            assertEquals(0f, u[3]);
            float[] z = Tensors.toFloats(Contrastive.standardized(Tensors.fromFloats(new float[]{1, 10, 3, 30},
                    2, 2)));
            // per column: mean 0, unit spread over the batch, whatever the column's scale
            assertEquals(-1f, z[0], 1e-4);
            assertEquals(-1f, z[1], 1e-4);
            assertEquals(1f, z[2], 1e-4);
            assertEquals(1f, z[3], 1e-4);
        }
    }

    @Test
    void mismatchedPairsAndTemperaturesAreRefused() {
        try (StepScope s = StepScope.open()) {
            Tensor a = Tensors.fromFloats(new float[6], 2, 3);
            Tensor b = Tensors.fromFloats(new float[9], 3, 3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Contrastive.symmetricLoss(a, b, 1.0));
            assertTrue(e.getMessage().contains("[2, 3] and [3, 3]"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> Contrastive.symmetricLoss(a, a, 0));
            assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        }
    }
}
