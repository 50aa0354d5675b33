package org.jgan.models.srgan;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** The degradation SRGAN learns to undo, and the bicubic baseline it is measured against. */
public final class Resampling {
    private Resampling() {
    }

    /**
     * Downscales by {@code scale} by averaging each scale x scale block (area resampling, which is antialiased; the
     * paper used bicubic downsampling, which libtorch's C++ API offers only without antialiasing). Sides must be
     * multiples of the scale.
     */
    public static Tensor downscale(Tensor hr, int scale) {
        return torch.avg_pool2d(hr, new long[]{scale, scale}, new long[]{scale, scale}, new long[]{0, 0}, false,
                true, new org.bytedeco.pytorch.LongOptional());
    }

    /** Bicubic upscaling by {@code scale} (a = -0.75, as PyTorch's interpolate), clamped to [-1, 1]. */
    public static Tensor bicubic(Tensor lr, int scale) {
        return torch.upsample_bicubic2d(lr, new long[]{lr.size(2) * scale, lr.size(3) * scale}, false)
                .clamp(new org.bytedeco.pytorch.ScalarOptional(new Scalar(-1.0)),
                        new org.bytedeco.pytorch.ScalarOptional(new Scalar(1.0)));
    }
}
