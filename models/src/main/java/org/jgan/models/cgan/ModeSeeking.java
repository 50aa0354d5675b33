package org.jgan.models.cgan;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Mode-seeking regularisation (Mao et al. 2019, "Mode Seeking Generative Adversarial Networks for Diverse Image
 * Synthesis", MSGAN): for two latents z1, z2 of the same class, G is pushed to keep its images apart in proportion
 * to their latents, by minimising {@code 1 / (mean|G(z1) - G(z2)| / mean|z1 - z2| + eps)}. It targets exactly the
 * failure of conditional generators that recall measures: a class drawn from a few images whatever z is.
 *
 * <p>The pairs come from the step's own batch, so the term costs no extra forward pass: the batch is ordered by
 * class and neighbours are paired; a neighbour pair of two different classes (at most one per class boundary) is
 * left out.
 */
final class ModeSeeking {
    /** MSGAN's epsilon, keeping the term finite when two images coincide. */
    static final double EPS = 1e-5;

    private ModeSeeking() {
    }

    /**
     * The mean mode-seeking term over the same-class pairs of the batch, or zero when there is none.
     *
     * @param z      the latents, N x L
     * @param fake   G(z, labels), N x C x H x W
     * @param labels the classes, N (int64)
     */
    static Tensor loss(Tensor z, Tensor fake, Tensor labels) {
        long half = labels.size(0) / 2;
        Tensor order = torch.argsort(labels);
        Tensor even = torch.arange(new Scalar(half)).mul(new Scalar(2));
        Tensor first = torch.index_select(order, 0, even);
        Tensor second = torch.index_select(order, 0, even.add(new Scalar(1)));
        Tensor same = torch.index_select(labels, 0, first).eq(torch.index_select(labels, 0, second))
                .to(fake.scalar_type());
        Tensor dImage = torch.index_select(fake, 0, first).sub(torch.index_select(fake, 0, second)).abs()
                .flatten(1, -1).mean(1);
        // Clamped so that a left-out pair with equal latents gives 0 * finite, not 0 * NaN, in the sum and gradient.
        Tensor dLatent = torch.index_select(z, 0, first).sub(torch.index_select(z, 0, second)).abs().mean(1)
                .clamp_min(new Scalar(1e-8));
        Tensor term = dImage.div(dLatent).add(new Scalar(EPS)).reciprocal();
        return term.mul(same).sum().div(same.sum().clamp_min(new Scalar(1.0)));
    }
}
