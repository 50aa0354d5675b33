package org.jgan.models.i2i;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.reg.GradientPenalty;
import org.jgan.core.reg.R1Penalty;
import org.jgan.core.train.StepContext;

/**
 * The adversarial parts of the image-to-image phases, on the configured {@link org.jgan.core.loss.GanLoss} and with
 * the configured regularisers (gradient penalty, R1), so these variants use the same losses and regularisers as the
 * others. Discriminators may return one logit per image or a map of patch logits.
 */
public final class AdversarialTerms {
    private AdversarialTerms() {
    }

    /**
     * {@code scale} x D's loss on {@code real} against {@code fake} (detached here), plus the gradient penalty and R1
     * when configured; reports Loss/D{suffix}, D{suffix}/real_score, D{suffix}/fake_score and the penalties.
     */
    public static Tensor discriminator(StepContext ctx, GanNet d, Tensor real, Tensor fake, double scale,
                                       String suffix) {
        var reg = ctx.config().reg();
        Tensor f = fake.detach();
        Tensor realLogits = d.forward(real, null);
        Tensor fakeLogits = d.forward(f, null);
        Tensor loss = ctx.loss().discriminator(realLogits, fakeLogits).mul(new Scalar(scale));
        ctx.report("Loss/D" + suffix, loss);
        ctx.report("D" + suffix + "/real_score", realLogits.detach().sigmoid().mean());
        ctx.report("D" + suffix + "/fake_score", fakeLogits.detach().sigmoid().mean());
        if (reg.gpWeight() > 0) {
            Tensor eps = torch.rand(new long[]{real.size(0), 1, 1, 1}, ctx.rng());
            Tensor gp = GradientPenalty.compute(d, real, f, null, eps);
            ctx.report("Reg/gp" + suffix, gp);
            loss = loss.add(gp.mul(new Scalar(reg.gpWeight())));
        }
        if (reg.r1Gamma() > 0) {
            Tensor r1 = R1Penalty.compute(d, real, null);
            ctx.report("Reg/r1" + suffix, r1);
            loss = loss.add(r1.mul(new Scalar(R1Penalty.weight(reg.r1Gamma(), 1))));
        }
        return loss;
    }

    /** G's adversarial loss on D's logits for generated images. */
    public static Tensor generator(StepContext ctx, GanNet d, Tensor fake) {
        return ctx.loss().generator(d.forward(fake, null));
    }

    /** Mean absolute difference, the L1 of pix2pix and CycleGAN. */
    public static Tensor l1(Tensor a, Tensor b) {
        return a.sub(b).abs().mean();
    }
}
