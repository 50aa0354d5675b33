package org.jgan.models.stylegan2;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The synthesis network of StyleGAN2 (Karras et al. 2020, Figure 7 "skip" generator): a learned 4x4 constant, then
 * per resolution 4, 8, ..., R two modulated 3x3 convolutions (one at 4x4; the first of each later pair upsamples) and
 * a 1x1 toRGB whose output is added to the upsampled image of the resolution below.
 *
 * <p>Each layer takes one w of the ws (N x numWs x wDim), in order; a toRGB shares its index with the next
 * resolution's first convolution, as in the official code. At R = 32 that is 8 ws: 4x4 conv 0, toRGB 1; 8x8 convs
 * 1, 2, toRGB 3; 16x16 convs 3, 4, toRGB 5; 32x32 convs 5, 6, toRGB 7.
 */
final class SynthesisNetwork extends Module {
    /** One layer and the index of the w it takes. */
    record Layer(ModulatedConv conv, int wIndex, int resolution, boolean toRgb) {
    }

    private final Tensor constant;
    private final List<Layer> layers = new ArrayList<>();
    private final int resolution;
    private final int numWs;

    /**
     * @param channels channels at each resolution, index log2(r) - 2 (4x4 first)
     */
    SynthesisNetwork(int resolution, long wDim, int[] channels, long imageChannels, Generator gen) {
        this.resolution = resolution;
        this.constant = torch.randn(new long[]{channels[0], 4, 4}, new GeneratorOptional(gen));
        register_parameter("const", constant);
        int w = 0;
        int level = 0;
        for (int r = 4; r <= resolution; r *= 2, level++) {
            long in = channels[Math.max(0, level - 1)];
            long out = channels[level];
            if (r > 4) {
                add("b" + r + "_conv0", new ModulatedConv(in, out, 3, wDim, true, false, r, gen), w++, r, false);
            }
            add("b" + r + "_conv1", new ModulatedConv(r > 4 ? out : in, out, 3, wDim, false, false, r, gen), w++, r,
                    false);
            // toRGB shares the index of the next w (the next resolution's first convolution)
            add("b" + r + "_torgb", new ModulatedConv(out, imageChannels, 1, wDim, false, true, r, gen), w, r, true);
        }
        this.numWs = w + 1;
    }

    private void add(String name, ModulatedConv conv, int wIndex, int r, boolean toRgb) {
        layers.add(new Layer(register_module(name, conv), wIndex, r, toRgb));
    }

    int numWs() {
        return numWs;
    }

    List<Layer> layers() {
        return layers;
    }

    /** Images (N x C x R x R) from ws, with random noise from {@code rng} or, when null, the fixed noise. */
    Tensor forward(Tensor ws, GeneratorOptional rng) {
        return run(ws, rng, resolution)[1];
    }

    /**
     * The feature maps of the last convolution at resolution {@code upTo}, without noise (tests use it to see which
     * ws reach which layers; the skip image is no use for that, as a toRGB shares its w with the next convolution).
     */
    Tensor features(Tensor ws, int upTo) {
        return run(ws, null, upTo)[0];
    }

    /** {features, skip image} after the layers up to resolution {@code upTo}. */
    private Tensor[] run(Tensor ws, GeneratorOptional rng, int upTo) {
        long n = ws.size(0);
        Tensor start = constant.unsqueeze(0).expand(n, -1, -1, -1);
        Tensor x = start;
        Tensor img = null;
        for (Layer l : layers) {
            if (l.resolution() > upTo) {
                break;
            }
            Tensor w = ws.select(1, l.wIndex());
            if (l.toRgb()) {
                Tensor y = l.conv().forward(x, w, rng);
                img = img == null ? y : Fir.up(img).add(y);
            } else {
                // every map but the learned constant is this loop's own, and dead once the next layer has read it
                x = l.conv().forward(x, w, rng, x != start);
            }
        }
        return new Tensor[]{x, img};
    }

    /** The resolution that w number {@code index} styles (the toRGB of the top resolution counts as that). */
    int wResolution(int index) {
        for (Layer l : layers) {
            if (l.wIndex() == index && !l.toRgb()) {
                return l.resolution();
            }
        }
        return resolution;
    }
}
