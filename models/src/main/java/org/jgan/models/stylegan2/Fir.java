package org.jgan.models.stylegan2;

import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.Convolutions;
import org.jgan.engine.Tensors;

/**
 * Resampling with the [1, 3, 3, 1] low-pass filter of StyleGAN2 (Karras et al. 2020; Zhang 2019, "Making
 * convolutional networks shift-invariant again"): upsampling inserts zeros and filters (a transposed convolution
 * with stride 2, computed as two products with the separable filter's matrix), downsampling filters and keeps every
 * second pixel (a depthwise convolution). Filtering before decimation and after zero insertion is what keeps the
 * networks from aliasing.
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

    /**
     * 2x upsampling: H x W to 2H x 2W; a constant image stays the same constant away from the border. Zero insertion
     * plus filtering with gain 4 is a stride-2 transposed convolution with padding 1 (exactly 2H); the filter is
     * separable, t[y] t[x] / 16 = (t[y] / 4)(t[x] / 4), so each channel's map is U x U^T with the 2H x H matrix
     * of the 1-D transposed convolution. The skip images this upsamples have 1 or 3 channels, which the
     * convolution routes could only take on im2col: measured, sampling took 8% more CPU time so (docs/results.md).
     */
    static Tensor up(Tensor x) {
        long n = x.size(0);
        long c = x.size(1);
        long h = x.size(2);
        long w = x.size(3);
        Tensor uh = upMatrix(h, x);
        Tensor uw = w == h ? uh : upMatrix(w, x);
        Tensor rows = x.reshape(n * c, h, w).matmul(uw.t());               // N C x H x 2W
        return uh.matmul(rows).view(n, c, 2 * h, 2 * w);
    }

    /** U (2L x L): U[o, i] = t[o - 2i + 1] / 4, the 1-D transposed convolution of stride 2 and padding 1. */
    static Tensor upMatrix(long length, Tensor like) {
        int l = Math.toIntExact(length);
        float[] u = new float[2 * l * l];
        for (int o = 0; o < 2 * l; o++) {
            for (int i = 0; i < l; i++) {
                int k = o - 2 * i + 1;
                if (k >= 0 && k < TAPS.length) {
                    u[o * l + i] = TAPS[k] / 4;
                }
            }
        }
        return Tensors.fromFloats(u, 2 * l, l).to(like);
    }

    /** 2x downsampling: H x W to H/2 x W/2 (filter, then every second pixel). */
    static Tensor down(Tensor x) {
        long c = x.size(1);
        return Convolutions.conv2d(x, kernel(c, 1.0), null, new long[]{2, 2}, new long[]{1, 1}, new long[]{1, 1}, c);
    }
}
