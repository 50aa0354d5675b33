package org.jgan.core.reg;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Mode-seeking regularisation (Mao et al. 2019, "Mode Seeking Generative Adversarial Networks for Diverse Image
 * Synthesis", MSGAN): for two latents z1, z2 under the same condition, G is pushed to keep its images apart in
 * proportion to their latents, by minimising {@code 1 / (mean|G(z1) - G(z2)| / mean|z1 - z2| + eps)}. It targets
 * exactly the failure of conditional generators that recall measures: a condition drawn from a few images whatever
 * z is.
 *
 * <p>Two ways to pair: {@link #loss} takes the pairs from a class-conditional batch itself (no extra forward pass:
 * the batch is ordered by class and neighbours are paired, a pair of two classes left out); {@link #pairs} takes two
 * batches drawn for the same conditions row by row, which is how a condition that rarely repeats within a batch,
 * such as a caption, gets its pairs (MSGAN's text-to-image experiment on StackGAN++ drew twice per caption too).
 * Results belong to the caller's scope.
 */
public final class ModeSeeking {
    /** MSGAN's epsilon, keeping the term finite when two images coincide. */
    public static final double EPS = 1e-5;

    private ModeSeeking() {
    }

    /**
     * The mean mode-seeking term over the same-class pairs of the batch, or zero when there is none.
     *
     * @param z      the latents, N x L
     * @param fake   G(z, labels), N x C x H x W
     * @param labels the classes, N (int64)
     */
    public static Tensor loss(Tensor z, Tensor fake, Tensor labels) {
        long half = labels.size(0) / 2;
        Tensor order = torch.argsort(labels);
        Tensor even = torch.arange(new Scalar(half)).mul(new Scalar(2));
        Tensor first = torch.index_select(order, 0, even);
        Tensor second = torch.index_select(order, 0, even.add(new Scalar(1)));
        Tensor same = torch.index_select(labels, 0, first).eq(torch.index_select(labels, 0, second))
                .to(fake.scalar_type());
        Tensor term = terms(torch.index_select(z, 0, first), torch.index_select(fake, 0, first),
                torch.index_select(z, 0, second), torch.index_select(fake, 0, second));
        return term.mul(same).sum().div(same.sum().clamp_min(new Scalar(1.0)));
    }

    /**
     * The mean mode-seeking term over rows: row i of {@code fake1} and of {@code fake2} were drawn for the same
     * condition from latents row i of {@code z1} and of {@code z2}.
     */
    public static Tensor pairs(Tensor z1, Tensor fake1, Tensor z2, Tensor fake2) {
        return terms(z1, fake1, z2, fake2).mean();
    }

    /** Per pair, {@code 1 / (mean|x1 - x2| / mean|z1 - z2| + eps)}. */
    private static Tensor terms(Tensor z1, Tensor x1, Tensor z2, Tensor x2) {
        Tensor dImage = x1.sub(x2).abs().flatten(1, -1).mean(1);
        // Clamped so that a left-out pair with equal latents gives 0 * finite, not 0 * NaN, in the sum and gradient.
        Tensor dLatent = z1.sub(z2).abs().mean(1).clamp_min(new Scalar(1e-8));
        return dImage.div(dLatent).add(new Scalar(EPS)).reciprocal();
    }
}
