package org.jgan.models.i2i;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
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

    /** Instance normalisation without affine parameters (Ulyanov et al. 2016), CycleGAN's default. */
    public static Tensor instanceNorm(Tensor x) {
        return torch.instance_norm(x, new TensorOptional(), new TensorOptional(), new TensorOptional(),
                new TensorOptional(), true, 0.1, 1e-5, false);
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
