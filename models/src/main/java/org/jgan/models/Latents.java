package org.jgan.models;

import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Torch;

/**
 * Latents named by seeds: the z of seed {@code s} is the latent of {@code RunGenerator.generate(1, s, ...)} (one image
 * of seed {@code s}; {@code jgan sample --seed s --count 1}), so an image found that way can be reused by style mixing
 * or interpolation (the seed-addressed latents of Karras et al. 2019's tools). Larger counts of the same seed draw
 * other latents: libtorch fills normal samples in blocks.
 */
public final class Latents {
    private Latents() {
    }

    /** z of seed {@code seed}, 1 x dim, in the caller's step scope. */
    public static Tensor z(long seed, int dim) {
        Torch.ensureLoaded();
        Generator g = torch.createCPUGenerator(seed);
        try {
            return torch.randn(new long[]{1, dim}, new GeneratorOptional(g));
        } finally {
            g.close();
        }
    }
}
