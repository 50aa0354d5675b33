package org.jgan.core.reg;

import java.util.List;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Differentiable augmentation (Zhao et al. 2020, "Differentiable Augmentation for Data-Efficient GAN Training"):
 * the same random translation, cutout and colour changes are applied to real and generated images before the
 * discriminator sees them, and gradients flow through them to the generator. Randomness comes from the step's
 * generator, so resumed runs draw the same augmentations.
 */
public final class DiffAugment {
    private DiffAugment() {
    }

    /** Applies {@code policies} (translation, cutout, color) in order to an N x C x H x W batch. */
    public static Tensor apply(Tensor x, List<String> policies, GeneratorOptional rng) {
        Tensor y = x;
        for (String p : policies) {
            y = switch (p) {
                case "translation" -> translation(y, 0.125, rng);
                case "cutout" -> cutout(y, 0.5, rng);
                case "color" -> color(y, rng);
                default -> throw new IllegalArgumentException("unknown DiffAugment policy " + p);
            };
        }
        return y;
    }

    /** Shifts each image by up to {@code ratio} of its size in x and y, filling with zeros. */
    public static Tensor translation(Tensor x, double ratio, GeneratorOptional rng) {
        long n = x.size(0);
        long c = x.size(1);
        long h = x.size(2);
        long w = x.size(3);
        long sy = Math.round(h * ratio);
        long sx = Math.round(w * ratio);
        Tensor dy = randInt(n, -sy, sy, rng).view(n, 1, 1);
        Tensor dx = randInt(n, -sx, sx, rng).view(n, 1, 1);
        Tensor ys = torch.arange(new Scalar(h)).view(1, h, 1).sub(dy);
        Tensor xs = torch.arange(new Scalar(w)).view(1, 1, w).sub(dx);
        Tensor inside = torch.logical_and(torch.logical_and(ys.ge(new Scalar(0)), ys.lt(new Scalar(h))),
                torch.logical_and(xs.ge(new Scalar(0)), xs.lt(new Scalar(w))));
        // source pixel of each output pixel, clamped where the source is outside (masked to zero below)
        Tensor idx = ys.clamp(new org.bytedeco.pytorch.ScalarOptional(new Scalar(0)),
                        new org.bytedeco.pytorch.ScalarOptional(new Scalar(h - 1))).mul(new Scalar(w))
                .add(xs.clamp(new org.bytedeco.pytorch.ScalarOptional(new Scalar(0)),
                        new org.bytedeco.pytorch.ScalarOptional(new Scalar(w - 1))));
        Tensor flatIdx = idx.view(n, 1, h * w).expand(n, c, h * w);
        Tensor moved = torch.gather(x.reshape(n, c, h * w), 2, flatIdx).view(n, c, h, w);
        return moved.mul(inside.view(n, 1, h, w).to(x.scalar_type()));
    }

    /** Sets a random square of side {@code ratio} of the image to zero in each image. */
    public static Tensor cutout(Tensor x, double ratio, GeneratorOptional rng) {
        long n = x.size(0);
        long h = x.size(2);
        long w = x.size(3);
        long ch = Math.round(h * ratio);
        long cw = Math.round(w * ratio);
        Tensor y0 = randInt(n, 0, h - ch, rng).view(n, 1, 1);
        Tensor x0 = randInt(n, 0, w - cw, rng).view(n, 1, 1);
        Tensor ys = torch.arange(new Scalar(h)).view(1, h, 1);
        Tensor xs = torch.arange(new Scalar(w)).view(1, 1, w);
        Tensor inCut = torch.logical_and(torch.logical_and(ys.ge(y0), ys.lt(y0.add(new Scalar(ch)))),
                torch.logical_and(xs.ge(x0), xs.lt(x0.add(new Scalar(cw)))));
        return x.mul(inCut.logical_not().view(n, 1, h, w).to(x.scalar_type()));
    }

    /**
     * Random brightness, saturation and contrast per image, as DiffAugment's colour policy. On grayscale images the
     * saturation step is the identity (an image equals its channel mean), leaving brightness and contrast, which
     * data-efficient training of grayscale sets needs as much as colour ones do.
     */
    public static Tensor color(Tensor x, GeneratorOptional rng) {
        long n = x.size(0);
        Tensor y = x.add(torch.rand(new long[]{n, 1, 1, 1}, rng).sub(new Scalar(0.5)));
        Tensor mean = y.mean(new long[]{1}, true, new org.bytedeco.pytorch.ScalarTypeOptional());
        y = y.sub(mean).mul(torch.rand(new long[]{n, 1, 1, 1}, rng).mul(new Scalar(2.0))).add(mean);
        mean = y.mean(new long[]{1, 2, 3}, true, new org.bytedeco.pytorch.ScalarTypeOptional());
        return y.sub(mean).mul(torch.rand(new long[]{n, 1, 1, 1}, rng).add(new Scalar(0.5))).add(mean);
    }

    /** Integers uniform in [lo, hi], one per sample, as int64. */
    static Tensor randInt(long n, long lo, long hi, GeneratorOptional rng) {
        Tensor u = torch.rand(new long[]{n}, rng);
        return torch.floor(u.mul(new Scalar((double) (hi - lo + 1)))).add(new Scalar(lo))
                .to(torch.ScalarType.Long);
    }
}
