package org.jgan.models.i2i;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Side-by-side comparisons (input | output | target): interleaves columns of images into one batch that {@link
 * org.jgan.core.image.ImageGrid} lays out, after giving them one channel count (gray repeated to RGB when the columns
 * mix) and one size (nearest-neighbour enlargement, so a low-resolution input shows its real pixels).
 */
public final class Comparison {
    private Comparison() {
    }

    /** Row i of the result holds image i of each column, in column order; every column has the same count. */
    public static Tensor interleave(List<Tensor> columns) {
        long c = 1;
        long h = 0;
        long w = 0;
        for (Tensor t : columns) {
            c = Math.max(c, t.size(1));
            h = Math.max(h, t.size(2));
            w = Math.max(w, t.size(3));
        }
        List<Tensor> same = new ArrayList<>();
        for (Tensor t : columns) {
            same.add(fit(t, c, h, w));
        }
        long n = same.get(0).size(0);
        // stack to N x K x C x H x W, then flatten the first two: example-major order
        Tensor s = torch.stack(new TensorVector(same.toArray(new Tensor[0])), 1);
        return s.reshape(n * same.size(), c, h, w);
    }

    /** {@code t} with {@code c} channels and size {@code h} x {@code w}. */
    public static Tensor fit(Tensor t, long c, long h, long w) {
        Tensor x = t;
        if (x.size(1) != c) {
            x = x.repeat(1, c / x.size(1), 1, 1);
        }
        if (x.size(2) != h || x.size(3) != w) {
            x = torch.upsample_nearest2d(x, new long[]{h, w});
        }
        return x;
    }

    /** Images per grid row for {@code examples} examples of {@code k} columns each: close to a square grid. */
    public static int columns(int examples, int k) {
        int perRow = (int) Math.max(1, Math.round(Math.sqrt(examples / (double) k)));
        return perRow * k;
    }
}
