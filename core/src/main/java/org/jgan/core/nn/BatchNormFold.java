package org.jgan.core.nn;

import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * Batch norm (Ioffe and Szegedy 2015) folded into the layer before it for inference: in eval mode it is a fixed
 * per-channel affine map, y = scale * x + shift with scale = gamma / sqrt(running_var + eps) and shift = beta -
 * running_mean * scale, so the convolution before it can take the scale into its weights and the shift as its bias,
 * and one pass over every feature map goes away. Results differ from the unfolded ones in float32 rounding only.
 */
public final class BatchNormFold {
    private BatchNormFold() {
    }

    /** Whether {@code bn} can be folded now: in eval mode (running statistics) and with no gradient wanted. */
    public static boolean applies(BatchNorm2dImpl bn) {
        return !bn.is_training() && !GradMode.is_enabled();
    }

    /** {scale, shift} of {@code bn} in eval mode, one value per channel. */
    public static Tensor[] scaleShift(BatchNorm2dImpl bn) {
        Tensor scale = bn.weight().div(bn.running_var().add(new Scalar(bn.options().eps().get())).sqrt());
        return new Tensor[]{scale, bn.bias().sub(bn.running_mean().mul(scale))};
    }

    /**
     * {weight, bias} of {@code conv} followed by {@code bn}: the scale multiplies the weights of each output channel
     * (dimension 0 of a convolution's weight, 1 of a transposed one's) and the layer's own bias, the shift is added.
     */
    public static Tensor[] into(ConvLayer conv, BatchNorm2dImpl bn) {
        Tensor[] ss = scaleShift(bn);
        Tensor w = conv.weight().mul(conv.transposed() ? ss[0].view(1, -1, 1, 1) : ss[0].view(-1, 1, 1, 1));
        Tensor b = conv.bias() == null ? ss[1] : conv.bias().mul(ss[0]).add(ss[1]);
        return new Tensor[]{w, b};
    }
}
