package org.jgan.core.loss;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The original minimax objective of Goodfellow et al. 2014: G minimises log(1 - D(G(z))). Saturates when D is
 * confident; kept for comparison and teaching.
 */
public final class MinimaxLoss implements GanLoss {
    private final NonSaturatingLoss d;

    public MinimaxLoss() {
        this(1.0);
    }

    /** {@code realLabel < 1} smooths the real targets of D, as in {@link NonSaturatingLoss}. */
    public MinimaxLoss(double realLabel) {
        this.d = new NonSaturatingLoss(realLabel);
    }

    @Override
    public String name() {
        return "minimax";
    }

    @Override
    public Tensor discriminator(Tensor realLogits, Tensor fakeLogits) {
        // D's objective is the same as in the non-saturating game
        return d.discriminator(realLogits, fakeLogits);
    }

    @Override
    public Tensor generator(Tensor fakeLogits) {
        // log(1 - sigmoid(f)) = -softplus(f)
        return torch.softplus(fakeLogits).mean().neg();
    }
}
