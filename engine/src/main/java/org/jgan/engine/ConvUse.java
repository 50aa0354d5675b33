package org.jgan.engine;

/**
 * How autograd will use a convolution, which decides what of it must be right and so which kernels may compute it
 * ({@link Convolutions}): its forward pass only (sampling, evaluation); its first derivatives (an ordinary training
 * step); or its derivatives of the second order too (the gradient penalty of Gulrajani et al. 2017, R1 of Mescheder et
 * al. 2018, StyleGAN2's path length), taken inside {@link Autograd#secondOrder()}. libtorch's double backward computes
 * a weight gradient as a convolution whose channels are the batch, so only there must the batch suit oneDNN too.
 */
public enum ConvUse {
    /** Forward pass only, no autograd. */
    FORWARD("forward", "forward"),
    /** Forward pass, backward-data and backward-weights. */
    BACKWARD("backward", "backward"),
    /** Also the double backward (input, weights and output gradient of a gradient). */
    DOUBLE_BACKWARD("2nd order", "training");

    private final String label;
    private final String cacheKey;

    ConvUse(String label, String cacheKey) {
        this.label = label;
        this.cacheKey = cacheKey;
    }

    /** The name printed by {@code jgan doctor}. */
    public String label() {
        return label;
    }

    /**
     * The name in the check cache: "training" for the double backward, which is what every use under autograd was
     * checked to before first-order uses were told apart, so cached passes stay valid.
     */
    String cacheKey() {
        return cacheKey;
    }
}
