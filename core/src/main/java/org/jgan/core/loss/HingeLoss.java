package org.jgan.core.loss;

import org.bytedeco.pytorch.Tensor;

/** The hinge loss of Lim and Ye 2017, as used by SNGAN (Miyato et al. 2018) and BigGAN. */
public final class HingeLoss implements GanLoss {
    @Override
    public String name() {
        return "hinge";
    }

    @Override
    public Tensor discriminator(Tensor realLogits, Tensor fakeLogits) {
        // mean(relu(1 - r)) + mean(relu(1 + f))
        return realLogits.neg().add(new org.bytedeco.pytorch.Scalar(1.0)).relu().mean()
                .add(fakeLogits.add(new org.bytedeco.pytorch.Scalar(1.0)).relu().mean());
    }

    @Override
    public Tensor generator(Tensor fakeLogits) {
        // -mean(f)
        return fakeLogits.mean().neg();
    }
}
