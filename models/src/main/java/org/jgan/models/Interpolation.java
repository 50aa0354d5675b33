package org.jgan.models;

import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Paths through a latent space for interpolation videos. Between Gaussian latents z the spherical path (slerp,
 * White 2016, "Sampling Generative Networks") keeps the norm typical of N(0, I) samples, where the straight line passes
 * through improbably short vectors; in StyleGAN's w space the straight line is the natural path (Karras et al. 2019,
 * perceptual path length).
 */
public final class Interpolation {
    private Interpolation() {
    }

    /** Linear interpolation a + t (b - a), any shape. */
    public static Tensor lerp(Tensor a, Tensor b, double t) {
        return torch.lerp(a, b, new Scalar(t));
    }

    /**
     * Spherical interpolation of the rows of a and b (N x D): the angle between each pair is split in proportion t
     * and the norm interpolated linearly; nearly parallel rows fall back to lerp.
     */
    public static Tensor slerp(Tensor a, Tensor b, double t) {
        long[] dim = {a.dim() - 1};
        var keep = new org.bytedeco.pytorch.ScalarTypeOptional();
        Tensor na = a.norm(new org.bytedeco.pytorch.ScalarOptional(new Scalar(2)), dim, true);
        Tensor nb = b.norm(new org.bytedeco.pytorch.ScalarOptional(new Scalar(2)), dim, true);
        Tensor ua = a.div(na);
        Tensor ub = b.div(nb);
        double[] cos = org.jgan.engine.Tensors.toDoubles(ua.mul(ub).sum(dim, true, keep).clamp(
                new org.bytedeco.pytorch.ScalarOptional(new Scalar(-1.0)),
                new org.bytedeco.pytorch.ScalarOptional(new Scalar(1.0))));
        TensorVector rows = new TensorVector();
        for (int i = 0; i < cos.length; i++) {
            double omega = Math.acos(cos[i]);
            Tensor ra = ua.narrow(0, i, 1);
            Tensor rb = ub.narrow(0, i, 1);
            Tensor dir = Math.sin(omega) < 1e-6 ? lerp(ra, rb, t)
                    : ra.mul(new Scalar(Math.sin((1 - t) * omega) / Math.sin(omega)))
                            .add(rb.mul(new Scalar(Math.sin(t * omega) / Math.sin(omega))));
            rows.push_back(dir.mul(lerp(na.narrow(0, i, 1), nb.narrow(0, i, 1), t)));
        }
        return torch.cat(rows, 0);
    }

    /**
     * Frames along keys[0] -> keys[1] -> ...: {@code steps} frames per segment, then the last key, so (K - 1) steps
     * + 1 frames, concatenated on dim 0. Each key is 1 x ... (one latent).
     */
    public static Tensor path(List<Tensor> keys, int steps, boolean spherical) {
        if (keys.size() < 2 || steps < 1) {
            throw new IllegalArgumentException("a path needs 2 or more keys and steps >= 1");
        }
        TensorVector frames = new TensorVector();
        for (int k = 0; k + 1 < keys.size(); k++) {
            for (int i = 0; i < steps; i++) {
                double t = (double) i / steps;
                Tensor a = keys.get(k);
                Tensor b = keys.get(k + 1);
                frames.push_back(spherical ? slerp(a.flatten(1, -1), b.flatten(1, -1), t).view_as(a)
                        : lerp(a, b, t));
            }
        }
        frames.push_back(keys.get(keys.size() - 1));
        return torch.cat(frames, 0);
    }
}
