package org.jgan.models;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.reg.GradientPenalty;
import org.jgan.core.reg.R1Penalty;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.core.train.StepContext;

/**
 * The phases of the classic GAN step (Goodfellow et al. 2014, Algorithm 1) with the configured regularisers: D learns
 * real from fake on a detached generated batch (plus the gradient penalty and R1 when on; lazy R1 as its own phase
 * every k steps), then G learns to fool the updated D on the same generated batch. Discriminators may return [N]
 * logits, or [N, 1 + K] with K auxiliary class logits (AC-GAN, Odena et al. 2017).
 */
public final class TwoPlayerPhases {
    private TwoPlayerPhases() {
    }

    public static List<Phase> of(TrainConfig config) {
        var reg = config.reg();
        boolean lazyR1 = reg.r1Gamma() > 0 && reg.r1Every() > 1;
        List<Phase> phases = new ArrayList<>();
        phases.add(new Phase("Dmain", Players.D, 1, true, ctx -> discriminatorLoss(ctx, !lazyR1)));
        if (lazyR1) {
            phases.add(new Phase("Dreg", Players.D, reg.r1Every(), true, TwoPlayerPhases::lazyR1));
        }
        phases.add(new Phase("Gmain", Players.G, 1, false, TwoPlayerPhases::generatorLoss));
        return phases;
    }

    static Tensor discriminatorLoss(StepContext ctx, boolean withR1) {
        var d = ctx.players().discriminator();
        var reg = ctx.config().reg();
        Tensor real = ctx.augment(ctx.real());
        Tensor fake = ctx.augment(ctx.fake().detach());
        Tensor realOut = d.forward(real, ctx.labels());
        Tensor fakeOut = d.forward(fake, ctx.labels());
        Tensor realLogits = adversarial(realOut);
        Tensor fakeLogits = adversarial(fakeOut);
        Tensor loss = ctx.loss().discriminator(realLogits, fakeLogits);
        ctx.report("Loss/D", loss);
        ctx.report("D/real_score", realLogits.detach().sigmoid().mean());
        ctx.report("D/fake_score", fakeLogits.detach().sigmoid().mean());
        if (realOut.dim() == 2) {
            // AC-GAN: D's auxiliary head learns the classes of real images only. Odena et al. also train it on
            // generated ones, which lets D and G agree on a private class code: measured here, G's images scored
            // 12.7% with the built-in classifier while D's head put them in the requested class (G's class loss
            // 0.13). On real images only, the head stays an honest classifier (StudioGAN's AC-GAN does the same).
            Tensor ac = classLoss(realOut, ctx.labels());
            ctx.report("Loss/D/class", ac);
            loss = loss.add(ac);
        }
        if (reg.gpWeight() > 0) {
            Tensor eps = torch.rand(new long[]{real.size(0), 1, 1, 1}, ctx.rng());
            Tensor gp = GradientPenalty.compute(d, real, fake, ctx.labels(), eps);
            ctx.report("Reg/gp", gp);
            loss = loss.add(gp.mul(new Scalar(reg.gpWeight())));
        }
        if (withR1 && reg.r1Gamma() > 0) {
            Tensor r1 = R1Penalty.compute(d, real, ctx.labels());
            ctx.report("Reg/r1", r1);
            loss = loss.add(r1.mul(new Scalar(R1Penalty.weight(reg.r1Gamma(), 1))));
        }
        return loss;
    }

    static Tensor lazyR1(StepContext ctx) {
        var reg = ctx.config().reg();
        Tensor r1 = R1Penalty.compute(ctx.players().discriminator(), ctx.augment(ctx.real()), ctx.labels());
        ctx.report("Reg/r1", r1);
        return r1.mul(new Scalar(R1Penalty.weight(reg.r1Gamma(), reg.r1Every())));
    }

    static Tensor generatorLoss(StepContext ctx) {
        Tensor out = ctx.players().discriminator().forward(ctx.augment(ctx.fake()), ctx.labels());
        Tensor loss = ctx.loss().generator(adversarial(out));
        ctx.report("Loss/G", loss);
        if (out.dim() == 2) {
            Tensor ac = classLoss(out, ctx.labels());
            ctx.report("Loss/G/class", ac);
            loss = loss.add(ac);
        }
        return loss;
    }

    /** The adversarial logit: the whole output, or its first column when D also classifies. */
    static Tensor adversarial(Tensor out) {
        return out.dim() == 2 ? out.select(1, 0) : out;
    }

    private static Tensor classLoss(Tensor out, Tensor labels) {
        return torch.cross_entropy_loss(out.narrow(1, 1, out.size(1) - 1), labels);
    }
}
