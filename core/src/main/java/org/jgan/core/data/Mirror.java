package org.jgan.core.data;

import java.util.SplittableRandom;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.Tensors;

/**
 * Left-right flips of real training images, each with probability 1/2 (the x-flip dataset augmentation of Karras et
 * al. 2020, "Training Generative Adversarial Networks with Limited Data", which doubles a symmetric data set). The
 * choice per image comes from a seed, so a resumed run flips the same images.
 */
public final class Mirror {
    private Mirror() {
    }

    /** {@code x} (N x C x H x W) with a seeded half of its images flipped along the width. */
    public static Tensor apply(Tensor x, long seed) {
        long n = x.size(0);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] m = new float[(int) n];
        for (int i = 0; i < n; i++) {
            m[i] = rng.nextBoolean() ? 1f : 0f;
        }
        Tensor flip = Tensors.fromFloats(m, n, 1, 1, 1).to(x.scalar_type());
        // all channels of an image flip together, so image-to-image pairs stacked along channels stay aligned
        return x.flip(3).mul(flip).add(x.mul(flip.neg().add(new Scalar(1))));
    }
}
