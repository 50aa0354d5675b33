package org.jgan.models.timegan;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.train.Players;
import org.jgan.core.train.StepContext;

/**
 * The losses of TimeGAN's joint stage (Yoon et al. 2019, section 4 and the authors' code): for G the adversarial terms
 * on supervised and raw generated latents, 100 sqrt of the supervised loss and 100 times the moment loss (mean and
 * standard deviation of generated windows against the batch's, and, weighted by {@link TimeGanConfig#changeMoments},
 * the same of their step-to-step changes, and, weighted by {@link TimeGanConfig#pairMoments}, the features' pair
 * correlations of values and changes); for the autoencoder reconstruction (weighted by
 * {@link TimeGanConfig#aeChanges}, of the step-to-step changes as well) plus 0.1 of the supervised loss; for D real
 * latents against both kinds of generated ones. With {@link TimeGanConfig#dataAdversary} a second adversary judges the
 * windows as the recovery network writes them, R(H_hat) against real windows, in G's loss and in D's (a variant of the
 * paper's, which judges latents only). Each phase draws its own noise.
 */
final class TimeGanLosses {
    private TimeGanLosses() {
    }

    private static TimeGanGenerator gen(StepContext ctx) {
        return (TimeGanGenerator) ctx.players().generator();
    }

    /** H = E(X), the real windows' latents. */
    static Tensor latents(StepContext ctx) {
        return ctx.players().net("E").forward(ctx.real(), null);
    }

    /** The first stage's loss: {@link #reconstruction(Tensor, Tensor, TimeGanConfig, StepContext)} of R(E(X)). */
    static Tensor reconstruction(StepContext ctx, TimeGanConfig c) {
        Tensor xTilde = gen(ctx).recovery().forward(latents(ctx), null);
        return reconstruction(xTilde, ctx.real(), c, ctx);
    }

    /**
     * 10 sqrt(MSE) of the reconstruction {@code xTilde} against {@code x}, plus {@link TimeGanConfig#aeChanges} times
     * the same of their step-to-step changes. MSE of the values is reported as Loss/AE when {@code ctx} is given.
     */
    static Tensor reconstruction(Tensor xTilde, Tensor x, TimeGanConfig c, StepContext ctx) {
        Tensor mse = torch.mse_loss(xTilde, x);
        if (ctx != null) {
            ctx.report("Loss/AE", mse);
        }
        Tensor loss = mse.sqrt().mul(new Scalar(10.0));
        if (c.aeChanges() > 0) {
            // values alone leave the first steps jittery (R(E(x)) of sines bent 40-50 times as much as x there), and
            // every generated window goes through R
            Tensor changes = torch.mse_loss(changes(xTilde), changes(x));
            if (ctx != null) {
                ctx.report("Loss/AE_changes", changes);
            }
            loss = loss.add(changes.add(new Scalar(1e-12)).sqrt().mul(new Scalar(10.0 * c.aeChanges())));
        }
        return loss;
    }

    static Tensor supervised(StepContext ctx) {
        return supervised(ctx, latents(ctx));
    }

    static Tensor supervised(StepContext ctx, Tensor h) {
        long t = h.size(1);
        Tensor hHat = gen(ctx).supervisor().forward(h, null);
        return torch.mse_loss(hHat.narrow(1, 0, t - 1), h.narrow(1, 1, t - 1));
    }

    static Tensor generator(StepContext ctx, TimeGanConfig c) {
        TimeGanGenerator g = gen(ctx);
        Tensor z = g.noise(ctx.randn(ctx.batchSize(), ctx.config().model().latentDim()));
        Tensor eHat = g.generator().forward(z, null);
        Tensor hHat = g.supervisor().forward(eHat, null);
        Tensor xHat = g.recovery().forward(hHat, null);  // R is frozen here: it belongs to the autoencoder's group
        Players p = ctx.players();
        Tensor u = TimeGan.bce(p.discriminator().forward(hHat, null), 1.0);
        Tensor ue = TimeGan.bce(p.discriminator().forward(eHat, null), 1.0);
        Tensor s = supervised(ctx);
        Tensor x = ctx.real();
        Tensor moments = moments(xHat, x);
        ctx.report("Loss/G", u);
        ctx.report("Loss/G_e", ue);
        ctx.report("Loss/S", s);
        ctx.report("Loss/G_moments", moments);
        boolean withChanges = c.changeMoments() > 0 || c.pairMoments() > 0 || c.bendMoments() > 0;
        Tensor fakeChanges = withChanges ? changes(xHat) : null;
        Tensor realChanges = withChanges ? changes(x) : null;
        if (c.changeMoments() > 0) {
            // the same moments of x[t + 1] - x[t]: flat windows at spread levels meet the value moments, not these
            Tensor changes = moments(fakeChanges, realChanges);
            ctx.report("Loss/G_changes", changes);
            moments = moments.add(changes.mul(new Scalar(c.changeMoments())));
        }
        if (c.bendMoments() > 0) {
            // the same of x[t + 1] - 2 x[t] + x[t - 1]: the changes' moments let a wobble around the curve through
            Tensor bends = moments(changes(fakeChanges), changes(realChanges));
            ctx.report("Loss/G_bends", bends);
            moments = moments.add(bends.mul(new Scalar(c.bendMoments())));
        }
        if (c.pairMoments() > 0) {
            // per-step moments are met by features that all follow one common source; how they go together is not
            Tensor pairs = pairs(xHat, x).add(pairs(fakeChanges, realChanges));
            ctx.report("Loss/G_pairs", pairs);
            moments = moments.add(pairs.mul(new Scalar(c.pairMoments())));
        }
        Tensor loss = u.add(ue.mul(new Scalar(c.gamma()))).add(s.add(new Scalar(1e-12)).sqrt().mul(
                new Scalar(100.0))).add(moments.mul(new Scalar(100.0)));
        if (c.dataAdversary() > 0) {
            Tensor ux = TimeGan.bce(p.net(TimeGan.DATA_D).forward(xHat, null), 1.0);
            ctx.report("Loss/G_x", ux);
            loss = loss.add(ux.mul(new Scalar(c.dataAdversary())));
        }
        return loss;
    }

    /** x[t + 1] - x[t] along the steps of windows [batch, steps, features]. */
    static Tensor changes(Tensor x) {
        long t = x.size(1);
        return x.narrow(1, 1, t - 1).sub(x.narrow(1, 0, t - 1));
    }

    /** |std - std| + |mean - mean| over the batch of {@code fake} against {@code real}, averaged per step and feature. */
    static Tensor moments(Tensor fake, Tensor real) {
        long[] batch = {0};
        Tensor v1 = std(fake).sub(std(real)).abs().mean();
        Tensor v2 = fake.mean(batch, false, new org.bytedeco.pytorch.ScalarTypeOptional())
                .sub(real.mean(batch, false, new org.bytedeco.pytorch.ScalarTypeOptional())).abs().mean();
        return v1.add(v2);
    }

    /**
     * Mean |r_fake - r_real| over the pairs of features [batch, steps, features] pooled over batch and steps, where
     * r_fake is the generated covariance divided by the real spreads: in units of r, while each feature's spread is
     * left to the moment loss (dividing by the generated spreads as well would let this term pull on them too).
     */
    static Tensor pairs(Tensor fake, Tensor real) {
        long f = fake.size(2);
        if (f < 2) {
            return fake.sum().mul(new Scalar(0.0));  // one feature has no pairs
        }
        Tensor fc = centred(fake.reshape(-1, f));
        Tensor rc = centred(real.reshape(-1, f));
        Tensor covFake = fc.t().mm(fc).div(new Scalar((double) fc.size(0)));
        Tensor covReal = rc.t().mm(rc).div(new Scalar((double) rc.size(0)));
        Tensor spread = covReal.diagonal().add(new Scalar(1e-6)).sqrt();
        Tensor scale = spread.unsqueeze(1).mul(spread.unsqueeze(0));
        Tensor offDiagonal = torch.ones_like(covReal).sub(torch.eye(f).to(covReal.device(), covReal.scalar_type()));
        return covFake.sub(covReal).div(scale).abs().mul(offDiagonal).sum().div(new Scalar((double) (f * (f - 1))));
    }

    /** {@code x} less its mean over the first dimension (the batch, or pooled rows). */
    private static Tensor centred(Tensor x) {
        return x.sub(x.mean(new long[]{0}, true, new org.bytedeco.pytorch.ScalarTypeOptional()));
    }

    /** sqrt(var + 1e-6) over the batch, per step and feature (population variance, as tf.nn.moments). */
    private static Tensor std(Tensor x) {
        Tensor var = centred(x).square().mean(new long[]{0}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
        return var.add(new Scalar(1e-6)).sqrt();
    }

    static Tensor autoencoder(StepContext ctx, TimeGanConfig c) {
        Tensor h = latents(ctx);
        Tensor recon = reconstruction(gen(ctx).recovery().forward(h, null), ctx.real(), c, ctx);
        Tensor s = supervised(ctx, h);  // S is frozen here: only E and R learn from it
        return recon.add(s.mul(new Scalar(0.1)));
    }

    /**
     * D's loss, with the data-space adversary's added when {@link TimeGanConfig#dataAdversary} is on, or null (nothing
     * stepped) while it is at most 0.15, as the paper's code trains D.
     */
    static Tensor discriminator(StepContext ctx, TimeGanConfig c) {
        TimeGanGenerator g = gen(ctx);
        Tensor z = g.noise(ctx.randn(ctx.batchSize(), ctx.config().model().latentDim()));
        Tensor eHat = g.generator().forward(z, null).detach();
        Tensor hHat = g.supervisor().forward(eHat, null).detach();
        Tensor h = latents(ctx).detach();
        GanNetHolder d = new GanNetHolder(ctx.players().discriminator());
        Tensor loss = TimeGan.bce(d.f(h), 1.0).add(TimeGan.bce(d.f(hHat), 0.0))
                .add(TimeGan.bce(d.f(eHat), 0.0).mul(new Scalar(c.gamma())));
        if (c.dataAdversary() > 0) {
            GanNetHolder dx = new GanNetHolder(ctx.players().net(TimeGan.DATA_D));
            Tensor xHat = g.recovery().forward(hHat, null).detach();
            Tensor lx = TimeGan.bce(dx.f(ctx.real()), 1.0).add(TimeGan.bce(dx.f(xHat), 0.0));
            ctx.report("Loss/D_x", lx);
            loss = loss.add(lx.mul(new Scalar(c.dataAdversary())));
        }
        ctx.report("Loss/D", loss);
        return loss.item_double() > 0.15 ? loss : null;
    }

    private record GanNetHolder(org.jgan.core.nn.GanNet net) {
        Tensor f(Tensor x) {
            return net.forward(x, null);
        }
    }
}
