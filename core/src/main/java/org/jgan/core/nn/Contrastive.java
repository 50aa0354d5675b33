package org.jgan.core.nn;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Tensors;

/**
 * The symmetric contrastive loss that pairs images with their captions (CLIP, Radford et al. 2021; the sentence half
 * of AttnGAN's DAMSM loss, Xu et al. 2018): in a batch of N pairs, each image must pick its own caption among the N
 * captions and each caption its own image, by the dot products of unit embeddings over a temperature. Used by the
 * R-precision judge and by text2image's contrastive pretraining of its text encoders. Results belong to the current
 * step's scope. (No Scalar constants here: one made inside a step scope would die with it.)
 */
public final class Contrastive {
    /** The temperature dividing the dot products, as CLIP's learned one settles near. */
    public static final double TEMPERATURE = 0.07;

    private Contrastive() {
    }

    /** Each row of {@code v} [N, D] scaled to unit length (a zero row stays zero instead of becoming NaN). */
    public static Tensor unit(Tensor v) {
        return v.div(v.norm(new ScalarOptional(new Scalar(2.0)), new long[]{1}, true).clamp_min(new Scalar(1e-8)));
    }

    /**
     * Each column of {@code v} [N, D] centred and scaled over the batch, without learned parameters: a freshly
     * initialised encoder maps every input to nearly the same vector, and unit vectors of those would all score
     * alike, so the loss would start flat (the R-precision judge measured it stuck at log N without centring).
     */
    public static Tensor standardized(Tensor v) {
        Tensor mean = v.mean(new long[]{0}, true, new ScalarTypeOptional());
        Tensor centred = v.sub(mean);
        Tensor sd = centred.pow(new Scalar(2.0)).mean(new long[]{0}, true, new ScalarTypeOptional()).add(new Scalar(1e-5)).sqrt();
        return centred.div(sd);
    }

    /**
     * The mean of the image-to-caption and caption-to-image cross-entropies of the score matrix
     * {@code a b^T / temperature} against its diagonal: row i of {@code a} belongs with row i of {@code b}.
     *
     * @param a unit embeddings [N, D] of one side (images)
     * @param b unit embeddings [N, D] of the other (captions), row for row
     */
    public static Tensor symmetricLoss(Tensor a, Tensor b, double temperature) {
        if (a.dim() != 2 || b.dim() != 2 || a.size(0) != b.size(0) || a.size(1) != b.size(1)) {
            throw new IllegalArgumentException("contrastive pairs need two [N, D] embeddings of one shape, got "
                    + java.util.Arrays.toString(Tensors.shape(a)) + " and "
                    + java.util.Arrays.toString(Tensors.shape(b)));
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("the contrastive temperature must be > 0, got " + temperature);
        }
        Tensor logits = a.matmul(b.t()).div(new Scalar(temperature));
        Tensor target = torch.arange(new Scalar(a.size(0)));
        return torch.cross_entropy_loss(logits, target).add(torch.cross_entropy_loss(logits.t(), target))
                .div(new Scalar(2.0));
    }
}
