package org.jgan.core.reg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gradient penalty and R1 on a linear discriminator D(x) = w.x + b, whose input gradient is w everywhere:
 * GP = (||w|| - 1)^2 and R1 = ||w||^2, and their gradients with respect to w are 2 (||w|| - 1) w / ||w|| and 2 w.
 */
class PenaltiesTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** D(x) = w . flatten(x) + b. */
    static final class LinearD extends GanNet {
        final LinearImpl fc;

        LinearD(int in) {
            fc = register_module("fc", Layers.linear(in, 1, true));
        }

        @Override
        public Tensor forward(Tensor x, Tensor labels) {
            return fc.forward(x.flatten(1, -1)).view(-1);
        }
    }

    @Test
    void gradientPenaltyMatchesClosedFormAndDifferentiatesToW() {
        try (LinearD d = new LinearD(12); StepScope s = StepScope.open()) {
            d.fc.weight().detach().copy_(torch.linspace(new org.bytedeco.pytorch.Scalar(-0.4),
                    new org.bytedeco.pytorch.Scalar(0.5), 12).view(1, 12));
            float[] w = Tensors.toFloats(d.fc.weight());
            double norm = 0;
            for (float v : w) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            Tensor real = torch.randn(5, 3, 2, 2);
            Tensor fake = torch.randn(5, 3, 2, 2);
            Tensor eps = torch.rand(5, 1, 1, 1);
            Tensor gp = GradientPenalty.compute(d, real, fake, null, eps);
            assertEquals((norm - 1) * (norm - 1), gp.item_double(), 1e-5);
            gp.backward();
            float[] grad = Tensors.toFloats(d.fc.weight().grad());
            for (int i = 0; i < w.length; i++) {
                assertEquals(2 * (norm - 1) * w[i] / norm, grad[i], 1e-5, "dGP/dw[" + i + "]");
            }
        }
    }

    @Test
    void r1MatchesClosedFormAndDifferentiatesToW() {
        try (LinearD d = new LinearD(8); StepScope s = StepScope.open()) {
            float[] w = Tensors.toFloats(d.fc.weight());
            double sq = 0;
            for (float v : w) {
                sq += v * v;
            }
            Tensor r1 = R1Penalty.compute(d, torch.randn(4, 2, 2, 2), null);
            assertEquals(sq, r1.item_double(), 1e-5);
            r1.backward();
            float[] grad = Tensors.toFloats(d.fc.weight().grad());
            for (int i = 0; i < w.length; i++) {
                assertEquals(2 * w[i], grad[i], 1e-5, "dR1/dw[" + i + "]");
            }
            assertEquals(5.0 * 16, R1Penalty.weight(10, 16), 0.0);
        }
    }
}
