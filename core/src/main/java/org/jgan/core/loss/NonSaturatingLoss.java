package org.jgan.core.loss;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The non-saturating loss of Goodfellow et al. 2014 (section 3): D is trained as a logistic classifier, and G
 * maximises log D(G(z)) instead of minimising log(1 - D(G(z))), which gives strong gradients early in training.
 */
public final class NonSaturatingLoss implements GanLoss {
    private final double realLabel;

    public NonSaturatingLoss() {
        this(1.0);
    }

    /** With {@code realLabel < 1}, one-sided label smoothing (Salimans et al. 2016): real targets become 0.9, say. */
    public NonSaturatingLoss(double realLabel) {
        this.realLabel = realLabel;
    }

    @Override
    public String name() {
        return "non-saturating";
    }

    @Override
    public Tensor discriminator(Tensor realLogits, Tensor fakeLogits) {
        // -t log(sigmoid(r)) - (1 - t) log(1 - sigmoid(r)) - log(1 - sigmoid(f))
        //   = t softplus(-r) + (1 - t) softplus(r) + softplus(f)
        Tensor real = torch.softplus(realLogits.neg()).mean();
        if (realLabel < 1.0) {
            real = real.mul(new org.bytedeco.pytorch.Scalar(realLabel))
                    .add(torch.softplus(realLogits).mean().mul(new org.bytedeco.pytorch.Scalar(1 - realLabel)));
        }
        return real.add(torch.softplus(fakeLogits).mean());
    }

    @Override
    public Tensor generator(Tensor fakeLogits) {
        // -log(sigmoid(f)) = softplus(-f)
        return torch.softplus(fakeLogits.neg()).mean();
    }
}
