package org.jgan.models.cyclegan;

import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.core.train.StepContext;
import org.jgan.models.i2i.AdversarialTerms;
import org.jgan.models.i2i.Augment;
import org.jgan.models.i2i.ChannelMap;
import org.jgan.models.i2i.ImageToImageConfig;

/**
 * The two phases of a CycleGAN step (Zhu et al. 2017, eq. 3): both discriminators in one phase (group D: D on domain
 * B, D_A on domain A), both generators in one phase (group G: G = A to B, G_BA = B to A). G's phase minimises the two
 * adversarial losses plus lambdaCycle x (|G_BA(G(a)) - a| + |G(G_BA(b)) - b|) plus lambdaIdentity x (|G(b) - b| +
 * |G_BA(a) - a|); the discriminators see generated images through the history pools.
 */
final class CycleGanPhases {
    private CycleGanPhases() {
    }

    static List<Phase> of(TrainConfig config) {
        ImageToImageConfig c = ImageToImageConfig.of(config);
        // CycleGAN's G objective with least squares is E[(D(G(x)) - 1)^2] (section 4); jgan's least-squares loss is
        // Mao et al.'s 1/2 E[...]. Doubling it keeps lambdaCycle = 10 and lambdaIdentity = 5 meaning what they mean in
        // the paper. D's loss, 1/2 (E[(D(y) - 1)^2] + E[D(G(x))^2]), already matches the paper's code.
        double advScale = config.model().loss().equals("least-squares") ? 2.0 : 1.0;
        return List.of(
                new Phase("Dmain", Players.D, 1, true, ctx -> discriminators(ctx, c)),
                new Phase("Gmain", Players.G, 1, false, ctx -> generators(ctx, c, advScale)));
    }

    private static Tensor discriminators(StepContext ctx, ImageToImageConfig c) {
        Tensor[] ab = batch(ctx, c);
        Players p = ctx.players();
        Tensor fakeB = pooled(ctx, CycleGan.POOL_B, fakeB(ctx, ab[0]));
        Tensor fakeA = pooled(ctx, CycleGan.POOL_A, fakeA(ctx, ab[1]));
        Tensor lossB = AdversarialTerms.discriminator(ctx, p.discriminator(), ab[1], fakeB, 1.0, "");
        // D_A's own stats go under Loss/D_A...; Loss/D, D/real_score, D/fake_score stay D's (domain B), as for a
        // two-player GAN, and Loss/D is then set to the sum both discriminators minimise.
        Tensor lossA = AdversarialTerms.discriminator(ctx, p.net(CycleGan.D_A), ab[0], fakeA, 1.0, "_A");
        Tensor loss = lossB.add(lossA);
        ctx.report("Loss/D_B", lossB);
        ctx.report("Loss/D", loss);
        return loss;
    }

    private static Tensor generators(StepContext ctx, ImageToImageConfig c, double advScale) {
        Tensor[] ab = batch(ctx, c);
        Tensor a = ab[0];
        Tensor b = ab[1];
        Players p = ctx.players();
        GanNet g = p.generator();
        GanNet gba = p.net(CycleGan.G_BA);
        Tensor fb = fakeB(ctx, a);
        Tensor fa = fakeA(ctx, b);
        Tensor adv = AdversarialTerms.generator(ctx, p.discriminator(), fb)
                .add(AdversarialTerms.generator(ctx, p.net(CycleGan.D_A), fa)).mul(new Scalar(advScale));
        Tensor cycle = AdversarialTerms.l1(gba.forward(fb, null), a).add(AdversarialTerms.l1(g.forward(fa, null), b));
        ctx.report("Loss/G", adv);
        ctx.report("Loss/G/cycle", cycle);
        Tensor loss = adv.add(cycle.mul(new Scalar(c.lambdaCycle())));
        if (c.lambdaIdentity() > 0 && a.size(1) == b.size(1)) {
            // G fed an image already of its target domain should leave it alone (keeps colours, section 5.2)
            Tensor identity = AdversarialTerms.l1(g.forward(b, null), b).add(AdversarialTerms.l1(gba.forward(a, null),
                    a));
            ctx.report("Loss/G/identity", identity);
            loss = loss.add(identity.mul(new Scalar(c.lambdaIdentity())));
        }
        return loss;
    }

    /** (a, b): the step's rows after cropping and flipping, split at G's input channels. */
    static Tensor[] batch(StepContext ctx, ImageToImageConfig c) {
        Tensor x = ctx.shared("pairs", () -> Augment.apply(ctx, c));
        int ca = ((ChannelMap) ctx.players().generator()).inChannels();
        return new Tensor[]{x.narrow(1, 0, ca), x.narrow(1, ca, x.size(1) - ca)};
    }

    private static Tensor fakeB(StepContext ctx, Tensor a) {
        return ctx.generated("fakeB", Players.G, () -> ctx.players().generator().forward(a, null));
    }

    private static Tensor fakeA(StepContext ctx, Tensor b) {
        return ctx.generated("fakeA", Players.G, () -> ctx.players().net(CycleGan.G_BA).forward(b, null));
    }

    /** What D sees for {@code fakes}: a draw from the pool when there is one, else the fakes themselves. */
    private static Tensor pooled(StepContext ctx, String pool, Tensor fakes) {
        if (!ctx.players().nets().containsKey(pool)) {
            return fakes.detach();
        }
        return ((HistoryPool) ctx.players().net(pool)).query(fakes.detach(), ctx.rng());
    }
}
