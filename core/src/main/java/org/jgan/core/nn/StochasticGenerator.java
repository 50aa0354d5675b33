package org.jgan.core.nn;

import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;

/**
 * A generator whose training forward draws random numbers of its own (StyleGAN's per-pixel noise inputs and style
 * mixing, Karras et al. 2019). The training loop hands it the step's random generator, so a resumed run draws the
 * same numbers as an uninterrupted one.
 */
public interface StochasticGenerator {
    /** G(z, labels) for training, every random draw taken from {@code rng}. */
    Tensor forward(Tensor z, Tensor labels, GeneratorOptional rng);
}
