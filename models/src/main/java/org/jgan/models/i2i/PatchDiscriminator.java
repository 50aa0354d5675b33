package org.jgan.models.i2i;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.nn.SnConv2d;

/**
 * The PatchGAN discriminator of pix2pix (Isola et al. 2017), also CycleGAN's (Zhu et al. 2017): a fully convolutional
 * net that classifies each overlapping patch as real or fake and returns a map of logits. C64 - C128 - ... (4x4
 * convolutions, stride 2, LeakyReLU 0.2, norm after all but the first), then a stride-1 layer and a 1-channel output.
 *
 * <p>Sized to the input: with n stride-2 layers a logit sees a patch of 16, 34, 70, 142, ... pixels; {@link #layersFor}
 * takes the largest n whose patch is at most half the image side (n = 3, the paper's 70x70 PatchGAN, at 256x256; n =
 * 1, 16x16 patches, at 28x28).
 */
public final class PatchDiscriminator extends GanNet {
    private final List<UnaryOperator<Tensor>> layers = new ArrayList<>();

    /**
     * @param in      input channels (pix2pix: A and B concatenated)
     * @param width   channels of the first layer (64 in the paper)
     * @param nLayers stride-2 layers
     * @param norm    "batch" (pix2pix), "instance" (CycleGAN) or "none"
     * @param sn      spectral normalisation of every convolution (Miyato et al. 2018)
     */
    public PatchDiscriminator(long in, int width, int nLayers, String norm, boolean sn, long seed) {
        long prev = in;
        for (int n = 0; n <= nLayers + 1; n++) {
            boolean last = n == nLayers + 1;
            long out = last ? 1 : (long) width * Math.min(1 << n, 8);
            long stride = n < nLayers ? 2 : 1;
            boolean normed = n > 0 && !last && !norm.equals("none");
            boolean bias = !normed || norm.equals("instance");
            UnaryOperator<Tensor> conv = sn
                    ? register_module("conv" + n, new SnConv2d(prev, out, 4, stride, 1, bias, seed + n))::forward
                    : register_module("conv" + n, Layers.conv(prev, out, 4, stride, 1, bias))::forward;
            UnaryOperator<Tensor> nrm = x -> x;
            if (normed && norm.equals("batch")) {
                BatchNorm2dImpl bn = register_module("norm" + n, Layers.bn2d(out));
                nrm = bn::forward;
            } else if (normed) {
                nrm = Blocks::instanceNorm;
            }
            UnaryOperator<Tensor> fn = nrm;
            layers.add(last ? conv : x -> Blocks.lrelu(fn.apply(conv.apply(x))));
            prev = out;
        }
    }

    /** Receptive field of one output logit with {@code n} stride-2 layers (4x4 kernels throughout). */
    public static int receptiveField(int n) {
        int r = 1 + 3 + 3;
        for (int i = 0; i < n; i++) {
            r = (r - 1) * 2 + 4;
        }
        return r;
    }

    /** The number of stride-2 layers for images of {@code side} pixels: patches at most half the side, at least 1. */
    public static int layersFor(int side) {
        int n = 1;
        while (n < 5 && receptiveField(n + 1) <= side / 2 && side >> (n + 1) >= 3) {
            n++;
        }
        return n;
    }

    /** A map of patch logits, N x 1 x h x w. */
    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        Tensor h = x;
        for (UnaryOperator<Tensor> l : layers) {
            h = l.apply(h);
        }
        return h;
    }
}
