package org.jgan.core.nn;

import org.bytedeco.pytorch.Tensor;

/**
 * A style-based generator (Karras et al. 2019, 2020): a mapping network turns z into an intermediate latent w, one w
 * per synthesis layer ("ws", N x {@link #numWs()} x wDim) controls the styles, and the synthesis network turns ws into
 * images. Sampling tools use it for the truncation trick, style mixing, w-space interpolation and projection.
 * Both methods run the network as it is (call them in eval mode, under a no-grad guard unless optimising).
 */
public interface StyleGenerator {
    /**
     * The ws of latents {@code z} (and class {@code labels}, or null), truncated towards the tracked mean w:
     * w' = w_avg + psi (w - w_avg). psi = 1 leaves w unchanged, psi = 0 gives the mean w for every z.
     */
    Tensor mapping(Tensor z, Tensor labels, double psi);

    /** Images from ws (N x numWs x wDim), with the per-pixel noise inputs fixed as in sampling. */
    Tensor synthesis(Tensor ws);

    /** How many ws the synthesis network takes, one per layer that has a style. */
    int numWs();

    /** The side of the feature map that w number {@code index} styles (4 for the coarsest, up to the resolution). */
    int wResolution(int index);

    /** The mean w tracked during training (wDim), the centre of the truncation trick. */
    Tensor meanW();

    /** G(z, labels) with truncation {@code psi}. */
    default Tensor forward(Tensor z, Tensor labels, double psi) {
        return synthesis(mapping(z, labels, psi));
    }
}
