package org.jgan.core.nn;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The minibatch standard deviation layer of Karras et al. 2018 ("Progressive Growing of GANs"), as StyleGAN2's
 * discriminator uses it: a discriminator that sees how much the samples of a group differ can reject a batch of
 * near-copies that no single sample gives away.
 */
public final class MinibatchStd {
    private static final int MBSTD_GROUP = 4;

    private MinibatchStd() {
    }

    /**
     * Appends the standard deviation of each feature over groups of up to 4 samples, averaged to one number per group,
     * as a constant channel: a batch of near-identical fakes is then easy to spot, which counters mode collapse.
     */
    public static Tensor append(Tensor x) {
        long n = x.size(0);
        long g = groupSize(n);
        long c = x.size(1);
        long h = x.size(2);
        long w = x.size(3);
        Tensor y = x.reshape(g, n / g, c, h, w);
        y = y.sub(y.mean(new long[]{0}, false, new org.bytedeco.pytorch.ScalarTypeOptional()));
        y = y.square().mean(new long[]{0}, false, new org.bytedeco.pytorch.ScalarTypeOptional())
                .add(new Scalar(1e-8)).sqrt();
        y = y.mean(new long[]{1, 2, 3}, false, new org.bytedeco.pytorch.ScalarTypeOptional()).view(-1, 1, 1, 1);
        y = y.repeat(g, 1, h, w);
        return torch.cat(new TensorVector(x, y), 1);
    }

    /** The largest group size up to 4 that divides the batch (the official code requires divisibility). */
    public static long groupSize(long n) {
        for (long g = Math.min(MBSTD_GROUP, n); g > 1; g--) {
            if (n % g == 0) {
                return g;
            }
        }
        return 1;
    }
}
