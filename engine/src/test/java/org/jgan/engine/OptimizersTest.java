package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OptimizersTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @Test
    void betasReadBackInOrder() {
        AdamOptions o = new AdamOptions(1e-3);
        Optimizers.setBetas(o, 0.5, 0.999);
        assertArrayEquals(new double[]{0.5, 0.999}, Optimizers.betas(o));
    }

    /** Two Adam steps on w with gradients 2 then 1, against the update rule computed by hand. */
    @Test
    void adamUsesBeta1AndBeta2AsGiven() {
        try (StepScope s = StepScope.open()) {
            double lr = 0.1;
            double b1 = 0.5;
            double b2 = 0.999;
            double eps = 1e-8;
            Tensor w = torch.zeros(1).set_requires_grad(true);
            Adam adam = Optimizers.adam(new TensorVector(w), lr, b1, b2);
            double[] grads = {2, 1};
            double m = 0;
            double v = 0;
            double expected = 0;
            for (int t = 1; t <= 2; t++) {
                adam.zero_grad(true);
                w.mul(new Scalar(grads[t - 1])).sum().backward();
                adam.step();
                m = b1 * m + (1 - b1) * grads[t - 1];
                v = b2 * v + (1 - b2) * grads[t - 1] * grads[t - 1];
                double mHat = m / (1 - Math.pow(b1, t));
                double vHat = v / (1 - Math.pow(b2, t));
                expected -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            assertEquals(expected, w.item_double(), 1e-6);
            Optimizers.setLr(adam, 0.05);
            assertEquals(0.05, Optimizers.lr(adam), 0.0);
        }
    }
}
