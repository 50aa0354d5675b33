package org.jgan.models.stylegan2;

import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.Convolutions;
import org.jgan.engine.Tensors;

/**
 * Resampling with the [1, 3, 3, 1] low-pass filter of StyleGAN2 (Karras et al. 2020; Zhang 2019, "Making
 * convolutional networks shift-invariant again"), as depthwise convolutions: upsampling inserts zeros and filters
 * (a transposed convolution with stride 2), downsampling filters and keeps every second pixel. Filtering before
 * decimation and after zero insertion is what keeps the networks from aliasing.
 */
final class Fir {
    private static final float[] TAPS = {1, 3, 3, 1};

    private Fir() {
    }

    /** The separable 4x4 filter, normalised to sum {@code gain}, as a C x 1 x 4 x 4 depthwise kernel. */
    static Tensor kernel(long channels, double gain) {
        float[] k = new float[16];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                k[y * 4 + x] = (float) (TAPS[y] * TAPS[x] / 64.0 * gain);
            }
        }
        return Tensors.fromFloats(k, 1, 1, 4, 4).expand(channels, 1, 4, 4).contiguous();
    }

    /** Filters with zero padding {@code pad} on every side, scaled by {@code gain} (4 after zero insertion). */
    static Tensor blur(Tensor x, long pad, double gain) {
        long c = x.size(1);
        return Convolutions.conv2d(x, kernel(c, gain), null, new long[]{1, 1}, new long[]{pad, pad}, new long[]{1, 1}, c);
    }

    /** 2x upsampling: H x W to 2H x 2W; a constant image stays the same constant away from the border. */
    static Tensor up(Tensor x) {
        long c = x.size(1);
        // zero insertion + filtering with gain 4 is a stride-2 transposed convolution; padding 1 gives exactly 2H
        return Convolutions.convTranspose2d(x, kernel(c, 4.0), null, new long[]{2, 2}, new long[]{1, 1},
                new long[]{0, 0}, c, new long[]{1, 1});
    }

    /** 2x downsampling: H x W to H/2 x W/2 (filter, then every second pixel). */
    static Tensor down(Tensor x) {
        long c = x.size(1);
        return Convolutions.conv2d(x, kernel(c, 1.0), null, new long[]{2, 2}, new long[]{1, 1}, new long[]{1, 1}, c);
    }
}
