package org.jgan.models.stylegan2;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.train.StepContext;
import org.jgan.engine.Autograd;

/**
 * Path-length regularisation (Karras et al. 2020, section 3.2), the generator's lazy regulariser: for random image
 * directions y ~ N(0, I) / sqrt(H W), the length |J_w^T y| of the generator's Jacobian with respect to the ws should
 * be the same everywhere, so a fixed step in w changes the image by a fixed amount (smoother G, better inversion).
 * The penalty is (|J_w^T y| - a)^2 with a the running mean of the lengths (decay 0.01), kept in the generator's
 * {@code pl_mean} buffer so checkpoints and resumed runs carry it. Half a batch, as in the paper.
 */
final class PathLength {
    private static final double DECAY = 0.01;

    private PathLength() {
    }

    /** The weighted penalty for one lazy step: plWeight * every * mean((|J^T y| - a)^2). */
    static Tensor loss(StepContext ctx) {
        StyleGan2Config settings = StyleGan2Config.of(ctx.config());
        StyleGan2Generator g = (StyleGan2Generator) ctx.players().generator();
        long n = Math.max(1, ctx.batchSize() / 2);
        Tensor z = ctx.randn(n, ctx.config().model().latentDim());
        Tensor labels = ctx.labels() == null ? null : ctx.labels().narrow(0, 0, n);
        Tensor grad;
        try (Autograd.Scope twice = Autograd.secondOrder()) {
            Tensor ws = g.trainingWs(z, labels, ctx.rng());
            Tensor img = g.synthesize(ws, ctx.rng());
            Tensor y = ctx.randn(img.sizes().vec().get())
                    .div(new Scalar(Math.sqrt((double) img.size(2) * img.size(3))));
            grad = Autograd.grad(img.mul(y).sum(), ws, true);
        }
        // |J^T y| per sample: squared norms summed over w's dimensions, averaged over the ws
        Tensor lengths = grad.square().sum(new long[]{2}, false, new org.bytedeco.pytorch.ScalarTypeOptional())
                .mean(new long[]{1}, false, new org.bytedeco.pytorch.ScalarTypeOptional()).sqrt();
        Tensor mean;
        try (NoGradGuard ng = new NoGradGuard()) {
            mean = g.plMean().lerp(lengths.detach().mean().view(1), new Scalar(DECAY));
            g.plMean().copy_(mean);
        }
        Tensor penalty = lengths.sub(mean).square().mean();
        ctx.report("Reg/pl", penalty);
        ctx.report("Reg/pl_mean", mean.item_double());
        return penalty.mul(new Scalar(settings.plWeight() * settings.plEvery()));
    }
}
