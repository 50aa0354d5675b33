package org.jgan.models;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.core.train.StepContext;

/**
 * The two phases of the classic GAN step (Goodfellow et al. 2014, Algorithm 1): D learns real from fake on a
 * detached generated batch, then G learns to fool the updated D on the same generated batch.
 */
public final class TwoPlayerPhases {
    private TwoPlayerPhases() {
    }

    public static List<Phase> standard() {
        return List.of(new Phase("Dmain", Players.D, 1, TwoPlayerPhases::discriminatorLoss),
                new Phase("Gmain", Players.G, 1, TwoPlayerPhases::generatorLoss));
    }

    public static Tensor discriminatorLoss(StepContext ctx) {
        var d = ctx.players().discriminator();
        Tensor realLogits = d.forward(ctx.real(), ctx.labels());
        Tensor fakeLogits = d.forward(ctx.fake().detach(), ctx.labels());
        Tensor loss = ctx.loss().discriminator(realLogits, fakeLogits);
        ctx.report("Loss/D", loss);
        ctx.report("D/real_score", realLogits.detach().sigmoid().mean());
        ctx.report("D/fake_score", fakeLogits.detach().sigmoid().mean());
        return loss;
    }

    public static Tensor generatorLoss(StepContext ctx) {
        Tensor fakeLogits = ctx.players().discriminator().forward(ctx.fake(), ctx.labels());
        Tensor loss = ctx.loss().generator(fakeLogits);
        ctx.report("Loss/G", loss);
        return loss;
    }
}
