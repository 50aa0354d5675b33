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
    /** The group size of the papers (Karras et al. 2018, 2020): each sample is compared with up to 3 others. */
    public static final int PAPER_GROUP = 4;

    private MinibatchStd() {
    }

    /**
     * Appends the standard deviation of each feature over groups of up to 4 samples, averaged to one number per group,
     * as a constant channel: a batch of near-identical fakes is then easy to spot, which counters mode collapse.
     */
    public static Tensor append(Tensor x) {
        return append(x, PAPER_GROUP);
    }

    /**
     * The same over groups of up to {@code maxGroup} samples (the largest size up to it that divides the batch):
     * larger groups estimate the spread more steadily, so D sees a batch of few kinds more surely
     * (stylegan2-ada-pytorch's CIFAR-10 config compares 32).
     */
    public static Tensor append(Tensor x, int maxGroup) {
        long n = x.size(0);
        long g = groupSize(n, maxGroup);
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
        return groupSize(n, PAPER_GROUP);
    }

    /** The largest group size up to {@code maxGroup} that divides the batch. */
    public static long groupSize(long n, int maxGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("a minibatch standard deviation group needs at least 1 sample, got "
                    + maxGroup);
        }
        for (long g = Math.min(maxGroup, n); g > 1; g--) {
            if (n % g == 0) {
                return g;
            }
        }
        return 1;
    }
}
