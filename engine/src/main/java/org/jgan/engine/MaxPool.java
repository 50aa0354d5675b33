package org.jgan.engine;

import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * 2 x 2 max pooling with stride 2 (as in LeCun et al. 1998's subsampling layers, with max as Ranzato et al. 2007),
 * equal to libtorch's {@code max_pool2d(x, 2, 2)} bit for bit.
 *
 * <p>Why: libtorch 2.10's CPU kernel for contiguous N x C x H x W inputs walks each output window in scalar code; in
 * {@code jgan bench-eval} it took 17% of all CPU samples ({@code perf record}), the largest single kernel of the
 * built-in classifier's features. Without autograd the same maxima come from three element-wise {@code maximum}s over
 * the four strided quarter-views, which libtorch vectorises. The maximum of floats is exact, so the values are the
 * same; under autograd libtorch's pooling stays, because its gradient goes to one element of a tie, not to both.
 */
public final class MaxPool {
    private MaxPool() {
    }

    /** {@code max_pool2d(x, 2, 2)} of an N x C x H x W tensor; odd sides drop their last row or column, as it does. */
    public static Tensor twoByTwo(Tensor x) {
        if (GradMode.is_enabled() && x.requires_grad() || x.dim() != 4 || x.size(2) < 2 || x.size(3) < 2) {
            return torch.max_pool2d(x, 2, 2);
        }
        long h = x.size(2) / 2 * 2;
        long w = x.size(3) / 2 * 2;
        Tensor even = every2(x, 2, 0, h);
        Tensor odd = every2(x, 2, 1, h);
        Tensor top = torch.maximum(every2(even, 3, 0, w), every2(even, 3, 1, w));
        Tensor bottom = torch.maximum(every2(odd, 3, 0, w), every2(odd, 3, 1, w));
        return torch.maximum(top, bottom);
    }

    /** Every second index of {@code dim} from {@code start} below {@code end}: a strided view, no copy. */
    private static Tensor every2(Tensor x, long dim, long start, long end) {
        return x.slice(dim, new LongOptional(start), new LongOptional(end), 2);
    }
}
