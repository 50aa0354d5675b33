package org.jgan.core.loss;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/** The least-squares loss of Mao et al. 2017 (LSGAN, a = 0, b = c = 1), also CycleGAN's adversarial loss. */
public final class LeastSquaresLoss implements GanLoss {
    @Override
    public String name() {
        return "least-squares";
    }

    @Override
    public Tensor discriminator(Tensor realLogits, Tensor fakeLogits) {
        // 0.5 * mean((r - 1)^2) + 0.5 * mean(f^2)
        return realLogits.sub(new Scalar(1.0)).square().mean().add(fakeLogits.square().mean())
                .mul(new Scalar(0.5));
    }

    @Override
    public Tensor generator(Tensor fakeLogits) {
        // 0.5 * mean((f - 1)^2)
        return fakeLogits.sub(new Scalar(1.0)).square().mean().mul(new Scalar(0.5));
    }
}
