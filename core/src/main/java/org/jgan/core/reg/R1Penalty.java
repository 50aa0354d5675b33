package org.jgan.core.reg;

import org.bytedeco.pytorch.Tensor;
import org.jgan.core.nn.GanNet;
import org.jgan.engine.Autograd;

/**
 * The R1 penalty (Mescheder et al. 2018): (gamma / 2) * E[||grad_x D(x)||^2] on real images, which keeps the
 * discriminator flat on the data manifold. Differentiable with respect to D's parameters.
 */
public final class R1Penalty {
    private R1Penalty() {
    }

    /** E[||grad_x D(x)||^2] over the real batch, without gamma / 2; a scalar. */
    public static Tensor compute(GanNet d, Tensor real, Tensor labels) {
        Tensor x = real.detach().clone();
        x.set_requires_grad(true);
        Tensor g;
        try (Autograd.Scope twice = Autograd.secondOrder()) {
            Tensor out = d.forward(x, labels);
            Tensor logits = out.dim() == 2 ? out.select(1, 0) : out;
            g = Autograd.grad(logits.sum(), x, true);
        }
        // sum of squared gradients per sample, then the batch mean
        return g.flatten(1, -1).square().sum(new long[]{1}).mean();
    }

    /** The weight applied to {@link #compute}: gamma / 2, times k when applied lazily every k steps. */
    public static double weight(double gamma, int every) {
        return gamma / 2 * every;
    }

}
