package org.jgan.models.i2i;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

/** Small functional pieces shared by the image-to-image networks. */
public final class Blocks {
    private static final double SLOPE = 0.2;

    private Blocks() {
    }

    /** LeakyReLU(0.2), the slope of pix2pix, CycleGAN and SRGAN discriminators. */
    public static Tensor lrelu(Tensor x) {
        return torch.leaky_relu(x, new Scalar(SLOPE));
    }

    /**
     * Instance normalisation without affine parameters (Ulyanov et al. 2016), CycleGAN's default: each map of each
     * image to mean 0 and variance 1 (biased, epsilon 1e-5). libtorch's {@code instance_norm} views the batch as one
     * image of N x C channels, which needs NCHW: it copied every channels-last map the convolutions write into NCHW,
     * and the next convolution copied it back, with the gradients both ways (12% of a CycleGAN step in copies). A
     * channels-last map is normalised where it lies instead: viewed as N x HW x C, its means and variances are two
     * batched products with a row of 1 / HW (the reductions run as GEMMs, along the rows); the rest is element-wise.
     * A group norm with one group per channel, the same function with channels-last kernels, made the step 1.8 times
     * as long.
     */
    public static Tensor instanceNorm(Tensor x) {
        if (x.dim() != 4 || !x.is_contiguous(torch.MemoryFormat.ChannelsLast) || x.is_contiguous()) {
            return torch.instance_norm(x, new TensorOptional(), new TensorOptional(), new TensorOptional(),
                    new TensorOptional(), true, 0.1, 1e-5, false);
        }
        long n = x.size(0);
        long c = x.size(1);
        long h = x.size(2);
        long w = x.size(3);
        Tensor rows = x.permute(0, 2, 3, 1).view(n, h * w, c);
        Tensor avg = torch.full(new long[]{n, 1, h * w}, new Scalar(1.0 / (h * w)), new TensorOptions(x.dtype()));
        Tensor centred = rows.sub(torch.bmm(avg, rows));
        Tensor var = torch.bmm(avg, centred.square());
        return centred.mul(var.add(new Scalar(1e-5)).rsqrt()).view(n, h, w, c).permute(0, 3, 1, 2);
    }

    /** Reflection padding of {@code p} pixels on every side, CycleGAN's way of avoiding border artefacts. */
    public static Tensor reflect(Tensor x, long p) {
        return torch.reflection_pad2d(x, p, p, p, p);
    }

    /**
     * Pads {@code x} on the right and bottom (by reflection) up to multiples of {@code m}, so encoders that halve the
     * size several times work on any size; {@link #crop} undoes it on the output.
     */
    public static Tensor padTo(Tensor x, long m) {
        long h = x.size(2);
        long w = x.size(3);
        long ph = (m - h % m) % m;
        long pw = (m - w % m) % m;
        if (ph == 0 && pw == 0) {
            return x;
        }
        if (ph >= h || pw >= w) {
            // Reflection needs the pad to be smaller than the side; tiny images fall back to zeros.
            return torch.constant_pad_nd(x, new long[]{0, pw, 0, ph}, new Scalar(0.0));
        }
        return torch.reflection_pad2d(x, 0, pw, 0, ph);
    }

    /** The top-left {@code h} x {@code w} of {@code x}. */
    public static Tensor crop(Tensor x, long h, long w) {
        if (x.size(2) == h && x.size(3) == w) {
            return x;
        }
        return x.narrow(2, 0, h).narrow(3, 0, w);
    }
}
