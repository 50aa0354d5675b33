package org.jgan.api;

/**
 * The latent space a {@link LatentWalk} moves through: z, the generator's input noise (any model), or w, the
 * intermediate latent of a style-based generator (Karras et al. 2019), whose straight lines change images more evenly.
 */
public enum LatentSpace {
    /** The input latent z ~ N(0, I). */
    Z,
    /** The intermediate latent w after the mapping network (style-based models only). */
    W
}
