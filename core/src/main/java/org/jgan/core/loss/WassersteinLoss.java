package org.jgan.core.loss;

import org.bytedeco.pytorch.Tensor;

/**
 * The Wasserstein critic loss (Arjovsky et al. 2017). Needs a Lipschitz constraint on the critic, e.g. the gradient
 * penalty of Gulrajani et al. 2017.
 */
public final class WassersteinLoss implements GanLoss {
    @Override
    public String name() {
        return "wasserstein";
    }

    @Override
    public Tensor discriminator(Tensor realLogits, Tensor fakeLogits) {
        // mean(f) - mean(r)
        return fakeLogits.mean().sub(realLogits.mean());
    }

    @Override
    public Tensor generator(Tensor fakeLogits) {
        // -mean(f)
        return fakeLogits.mean().neg();
    }
}
