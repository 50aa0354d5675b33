package org.jgan.core.reg;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.nn.GanNet;
import org.jgan.engine.Autograd;

/**
 * The WGAN-GP gradient penalty (Gulrajani et al. 2017): lambda * E[(||grad_x D(x_hat)||_2 - 1)^2] at points
 * x_hat = eps * real + (1 - eps) * fake with eps ~ U[0, 1] per sample. The result is differentiable with respect to
 * D's parameters (second-order gradients), so the loop back-propagates it like any loss.
 */
public final class GradientPenalty {
    private GradientPenalty() {
    }

    /**
     * @param eps per-sample mixing weights, shape [N, 1, 1, 1] (drawn by the caller from the step's generator)
     * @return the penalty without lambda, a scalar
     */
    public static Tensor compute(GanNet d, Tensor real, Tensor fake, Tensor labels, Tensor eps) {
        Tensor xHat = real.detach().mul(eps).add(fake.detach().mul(eps.neg().add(new Scalar(1.0))));
        xHat.set_requires_grad(true);
        Tensor g;
        try (Autograd.Scope twice = Autograd.secondOrder()) {
            Tensor out = d.forward(xHat, labels);
            Tensor logits = out.dim() == 2 ? out.select(1, 0) : out;
            g = Autograd.grad(logits.sum(), xHat, true);
        }
        // (||g||_2 - 1)^2, the norm over all pixels of each sample
        Tensor norm = g.flatten(1, -1).square().sum(new long[]{1}).add(new Scalar(1e-12)).sqrt();
        return norm.sub(new Scalar(1.0)).square().mean();
    }
}
