package org.jgan.core.loss;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The original minimax objective of Goodfellow et al. 2014: G minimises log(1 - D(G(z))). Saturates when D is
 * confident; kept for comparison and teaching.
 */
public final class MinimaxLoss implements GanLoss {
    @Override
    public String name() {
        return "minimax";
    }

    @Override
    public Tensor discriminator(Tensor realLogits, Tensor fakeLogits) {
        // softplus(-r) + softplus(f), as the non-saturating loss
        return torch.softplus(realLogits.neg()).mean().add(torch.softplus(fakeLogits).mean());
    }

    @Override
    public Tensor generator(Tensor fakeLogits) {
        // log(1 - sigmoid(f)) = -softplus(f)
        return torch.softplus(fakeLogits).mean().neg();
    }
}
