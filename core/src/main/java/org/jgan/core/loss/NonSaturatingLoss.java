package org.jgan.core.loss;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The non-saturating loss of Goodfellow et al. 2014 (section 3): D is trained as a logistic classifier, and G
 * maximises log D(G(z)) instead of minimising log(1 - D(G(z))), which gives strong gradients early in training.
 */
public final class NonSaturatingLoss implements GanLoss {
    @Override
    public String name() {
        return "non-saturating";
    }

    @Override
    public Tensor discriminator(Tensor realLogits, Tensor fakeLogits) {
        // -log(sigmoid(r)) - log(1 - sigmoid(f)) = softplus(-r) + softplus(f)
        return torch.softplus(realLogits.neg()).mean().add(torch.softplus(fakeLogits).mean());
    }

    @Override
    public Tensor generator(Tensor fakeLogits) {
        // -log(sigmoid(f)) = softplus(-f)
        return torch.softplus(fakeLogits.neg()).mean();
    }
}
