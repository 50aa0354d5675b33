package org.jgan.models.mocogan;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.train.Players;
import org.jgan.core.train.StepContext;

/**
 * MoCoGAN's objective (Tulyakov et al. 2018, eq. 2): the frame discriminator's loss on frames drawn from the clips
 * plus the clip discriminator's loss on the clips, each with the run's GAN loss; G minimises the generator side of
 * both.
 */
final class ClipLosses {
    private ClipLosses() {
    }

    static Tensor discriminator(StepContext ctx, int k) {
        Tensor real = ctx.real();
        Tensor fake = ctx.fake().detach();
        Tensor labels = ctx.labels();
        var dv = ctx.players().discriminator();
        var di = ctx.players().net(MoCoGan.DI);
        Tensor pick = frames(ctx, real.size(2), k);
        Tensor frameLabels = frameLabels(labels, k);
        Tensor lv = ctx.loss().discriminator(dv.forward(real, labels), dv.forward(fake, labels));
        Tensor realFrames = di.forward(select(real, pick), frameLabels);
        Tensor li = ctx.loss().discriminator(realFrames, di.forward(select(fake, pick), frameLabels));
        ctx.report("Loss/D/video", lv);
        ctx.report("Loss/D/image", li);
        ctx.report("D/real_score", realFrames.detach().sigmoid().mean());
        Tensor loss = lv.add(li);
        ctx.report("Loss/D", loss);
        return loss;
    }

    static Tensor generator(StepContext ctx, int k) {
        Tensor fake = ctx.fake();
        Tensor labels = ctx.labels();
        Tensor pick = frames(ctx, fake.size(2), k);
        Tensor lv = ctx.loss().generator(ctx.players().discriminator().forward(fake, labels));
        Tensor fakeFrames = ctx.players().net(MoCoGan.DI).forward(select(fake, pick), frameLabels(labels, k));
        Tensor li = ctx.loss().generator(fakeFrames);
        ctx.report("Loss/G/video", lv);
        ctx.report("Loss/G/image", li);
        ctx.report("D/fake_score", fakeFrames.detach().sigmoid().mean());
        Tensor loss = lv.add(li);
        ctx.report("Loss/G", loss);
        return loss;
    }

    /** {@code k} distinct frame indices of this step (int64), drawn once per step and shared by its phases. */
    private static Tensor frames(StepContext ctx, long t, int k) {
        return ctx.shared("mocogan/frames", () -> torch.rand(new long[]{t}, ctx.rng()).argsort().narrow(0, 0, k));
    }

    /** Frames {@code pick} of every clip, N x C x T x H x W -> N*k x C x H x W. */
    private static Tensor select(Tensor clips, Tensor pick) {
        Tensor f = clips.index_select(2, pick).permute(0, 2, 1, 3, 4);
        return f.reshape(-1, clips.size(1), clips.size(3), clips.size(4));
    }

    /** Each clip's label once per picked frame, or null. */
    private static Tensor frameLabels(Tensor labels, int k) {
        return labels == null ? null : labels.unsqueeze(1).expand(new long[]{labels.size(0), k}).reshape(-1);
    }
}
