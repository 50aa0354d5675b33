package org.jgan.models;

import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Torch;

/**
 * Latents named by seeds: the z of seed {@code s} is the first latent that {@link RunGenerator#generate} draws for
 * seed {@code s}, so an image found by sampling can be reused by style mixing or interpolation (the seed-addressed
 * latents of Karras et al. 2019's tools).
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
