package org.jgan.models.text2image;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.train.Seeds;
import org.jgan.core.train.StepContext;
import org.jgan.engine.Tensors;

/**
 * The two text tricks of GAN-CLS and GAN-INT (Reed et al. 2016, "Generative Adversarial Text to Image Synthesis").
 * <ul>
 *   <li>Matching-aware discriminator (GAN-CLS): besides real images with their captions and fake images, D sees real
 *       images with <em>wrong</em> captions and must call them fake, so it learns whether an image fits its text, not
 *       only whether it looks real. {@link #wrongCaptions} gives each image another image's caption.</li>
 *   <li>Interpolated embeddings (GAN-INT): G also gets points between two captions' embeddings, {@link #interpolated},
 *       which fills in the text manifold between the training captions (Reed et al. use beta = 0.5);
 *       {@link #interpolatedLoss} is that term of G's loss.</li>
 * </ul>
 * Results belong to the current step's scope.
 */
public final class GanCls {
    /** The mixing weight Reed et al. 2016 used for GAN-INT. */
    public static final double BETA = 0.5;

    private GanCls() {
    }

    /** {@code beta * e1 + (1 - beta) * e2} (GAN-INT); {@code beta} in [0, 1], embeddings of the same shape. */
    public static Tensor interpolated(Tensor e1, Tensor e2, double beta) {
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("the interpolation weight beta must lie in [0, 1], got " + beta);
        }
        if (!Arrays.equals(Tensors.shape(e1), Tensors.shape(e2))) {
            throw new IllegalArgumentException("interpolated text embeddings need one shape, got "
                    + Arrays.toString(Tensors.shape(e1)) + " and " + Arrays.toString(Tensors.shape(e2)));
        }
        // lerp(e2, e1, beta) = e2 + beta * (e1 - e2)
        return torch.lerp(e2, e1, new Scalar(beta));
    }

    /**
     * GAN-INT's generator term: each row's caption mixed half and half with another row's ({@link #wrongCaptions}
     * pairing, drawn again each step), in G's embedding space for G and in D's for D, a fresh latent per row, and G's
     * usual loss on D's verdict. No real image fits such a caption, so D gets no term of its own (Reed et al. 2016).
     * Rows whose partner caption equals their own simply repeat it.
     */
    static Tensor interpolatedLoss(StepContext ctx) {
        TextGenerator g = (TextGenerator) ctx.players().generator();
        TextDiscriminator d = (TextDiscriminator) ctx.players().discriminator();
        Tensor tokens = ctx.condition();
        Tensor other = wrongCaptions(tokens, Seeds.derive(ctx.config().seed(), "interpolated-captions", ctx.step()));
        Tensor eg = interpolated(g.textEncoder().encode(tokens), g.textEncoder().encode(other), BETA);
        Tensor ed = interpolated(d.textEncoder().encode(tokens), d.textEncoder().encode(other), BETA);
        Tensor x = g.fromEmbedding(ctx.randn(tokens.size(0), ctx.config().model().latentDim()), eg);
        return ctx.loss().generator(d.fromEmbedding(ctx.augment(x), ed));
    }

    /**
     * Wrong captions for the matching-aware discriminator: the rows of {@code tokens} (or of any per-caption tensor,
     * such as embeddings) reordered by {@link #derangement}, so that no row keeps its own caption. Rows whose
     * captions are equal word for word still pair up with an identical "wrong" one; {@link #differs} finds them.
     *
     * @param seed vary it with the step (for example {@code Seeds.derive(root, "wrong-captions", step)}), or every
     *             step pairs the same rows
     */
    public static Tensor wrongCaptions(Tensor tokens, long seed) {
        if (tokens == null || tokens.dim() < 1) {
            throw new IllegalArgumentException("wrong captions need a batch of captions (one row each), got "
                    + (tokens == null ? "null" : "a scalar"));
        }
        long[] perm = derangement((int) tokens.size(0), seed);
        Tensor index = Tensors.fromLongs(perm, perm.length).to(tokens.device(), torch.ScalarType.Long);
        return tokens.index_select(0, index);
    }

    /**
     * A random permutation of 0..n-1 with no fixed point: Sattolo's algorithm, which draws uniformly among the
     * permutations that are one cycle through all n rows (a derangement for every n >= 2).
     */
    public static long[] derangement(int n, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("wrong captions need a batch of at least 2 captions, got " + n);
        }
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i); // j < i, never i itself: that is what keeps it one cycle
            long t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Per row, whether {@code wrong} differs from {@code tokens} in at least one id: bool [B]. A loss can leave out
     * the rows where it does not, as a wrong caption equal to the right one teaches D the opposite of the truth.
     */
    public static Tensor differs(Tensor tokens, Tensor wrong) {
        if (tokens.dim() != 2 || !Arrays.equals(Tensors.shape(tokens), Tensors.shape(wrong))) {
            throw new IllegalArgumentException("captions to compare need one shape [batch, length], got "
                    + Arrays.toString(Tensors.shape(tokens)) + " and "
                    + Arrays.toString(Tensors.shape(wrong)));
        }
        return tokens.ne(wrong).any(1);
    }
}
