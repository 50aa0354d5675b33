package org.jgan.models.stylegan2;

import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Convolutions;
import org.jgan.engine.Tensors;

/**
 * A modulated convolution of the StyleGAN2 synthesis network (Karras et al. 2020, section 2.2): an affine layer
 * turns this layer's w into one style per input channel s; the effective weight of sample i is
 * w'_i[o, c] = s_i[c] w[o, c], demodulated by d_i[o] = 1 / sqrt(sum_{c,k} w'_i[o, c, k]^2 + 1e-8) so each output
 * channel has unit expected variance (this replaces AdaIN's instance normalisation and its droplet artefacts).
 *
 * <p>Computed without per-sample weights, as the paper's Appendix B and the official training path do: scale the
 * input channels by s, run one ordinary batched convolution with the shared weight, scale the output channels by d.
 * That is the same linear map as the grouped convolution with N weights, and libtorch's dense convolution is far
 * faster than N groups. Then per-pixel noise (Karras et al. 2019) times a learned strength, bias and leaky ReLU.
 * {@code up} doubles the resolution (transposed convolution with stride 2 and the [1, 3, 3, 1] filter). A layer
 * without demodulation, noise and activation is the skip generator's 1x1 toRGB.
 */
final class ModulatedConv extends Module {
    private final EqualizedLinear affine;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor noiseStrength;
    private final Tensor noiseConst;
    private final long kernel;
    private final boolean up;
    /** A 1x1 toRGB layer: no demodulation, noise or activation, computed as one batched product. */
    private final boolean toRgb;
    private final double weightGain;

    /**
     * @param resolution output side; sizes the fixed noise used when sampling
     * @param toRgb      a 1x1 toRGB layer: no demodulation, no noise, no activation
     */
    ModulatedConv(long in, long out, long kernel, long wDim, boolean up, boolean toRgb, long resolution,
                  Generator gen) {
        this.affine = register_module("affine", new EqualizedLinear(wDim, in, true, 1.0, 1.0, false, gen));
        this.weight = torch.randn(new long[]{out, in, kernel, kernel}, new GeneratorOptional(gen));
        register_parameter("weight", weight);
        this.bias = torch.zeros(out);
        register_parameter("bias", bias);
        this.kernel = kernel;
        this.up = up;
        if (toRgb && (kernel != 1 || up)) {
            throw new IllegalArgumentException("a toRGB layer is 1x1 and keeps the resolution");
        }
        this.toRgb = toRgb;
        this.weightGain = 1.0 / Math.sqrt((double) in * kernel * kernel);
        if (!toRgb) {
            this.noiseStrength = torch.zeros(1);
            register_parameter("noise_strength", noiseStrength);
            this.noiseConst = torch.randn(new long[]{resolution, resolution}, new GeneratorOptional(gen));
            register_buffer("noise_const", noiseConst);
        } else {
            this.noiseStrength = null;
            this.noiseConst = null;
        }
    }

    /** The styles s of this layer: affine(w), N x in (toRGB folds its weight gain into them). */
    Tensor styles(Tensor w) {
        Tensor s = affine.forward(w);
        return toRgb ? s.mul(new Scalar(weightGain)) : s;
    }

    /**
     * Applies the layer to x (N x in x H x W) with this layer's w (N x wDim). Noise comes from {@code rng} when given
     * (training), else the fixed noise of this layer (sampling, so a seed always gives the same image).
     */
    Tensor forward(Tensor x, Tensor w, GeneratorOptional rng) {
        return forward(x, w, rng, false);
    }

    /**
     * As {@link #forward(Tensor, Tensor, GeneratorOptional)}; when sampling with {@code ownsInput}, x is the caller's
     * to give up and is overwritten (the synthesis network's maps, dead once the next layer has scaled them).
     */
    Tensor forward(Tensor x, Tensor w, GeneratorOptional rng, boolean ownsInput) {
        if (rng == null && !GradMode.is_enabled()) {
            return sample(x, w, ownsInput);
        }
        long n = x.size(0);
        Tensor s = styles(w);
        if (toRgb) {
            return toRgb(x, s);
        }
        Tensor y = x.mul(s.view(n, -1, 1, 1));
        y = up ? Fir.blur(Convolutions.convTranspose2d(y, weight.transpose(0, 1), null, 2, 0, 0), 1, 4.0)
                : Convolutions.conv2d(y, weight, null, 1, kernel / 2);
        // lrelu(v) * gain = lrelu(v * gain) (positively homogeneous), so the activation's gain rides on the small
        // per-channel factors: demodulation and bias in one addcmul, the noise added in place, the leaky ReLU in place.
        // Three passes over the maps where one operation per term made five (and five backward passes).
        Scalar gain = new Scalar(EqualizedLinear.LRELU_GAIN);
        long h = y.size(2);
        Tensor noise = rng != null ? torch.randn(new long[]{n, 1, h, y.size(3)}, rng) : noiseConst.view(1, 1, h, -1);
        y = torch.addcmul(bias.mul(gain).view(1, -1, 1, 1), y, demodulation(s).mul(gain).view(n, -1, 1, 1));
        return torch.leaky_relu_(y.add_(noise.mul(noiseStrength.mul(gain))), new Scalar(0.2));
    }

    /**
     * The sampling forward (no gradients, fixed noise): the same map as {@link #forward}, every pass over the batch's
     * feature maps (far larger than the caches at sampling batches) in place: the styles scale x itself when the
     * caller gives it up ({@code ownsInput}); after the convolution, y times demodulation-and-gain plus a per-layer
     * constant of noise and bias laid out as the maps are is one {@code addcmul} written over y (the leaky ReLU is
     * positively homogeneous, so lrelu(v) * g = lrelu(v * g)), then the leaky ReLU; training makes a new map in its
     * first pass, which autograd keeps.
     */
    private Tensor sample(Tensor x, Tensor w, boolean ownsInput) {
        long n = x.size(0);
        Tensor s = styles(w);
        if (toRgb) {
            return toRgb(x, s);
        }
        // the previous layer's output is dead after this scaling (its toRGB has read it), so it is scaled in place
        Tensor y = ownsInput ? x.mul_(s.view(n, -1, 1, 1)) : x.mul(s.view(n, -1, 1, 1));
        y = up ? Fir.blur(Convolutions.convTranspose2d(y, weight.transpose(0, 1), null, 2, 0, 0), 1, 4.0)
                : Convolutions.conv2d(y, weight, null, 1, kernel / 2);
        Scalar gain = new Scalar(EqualizedLinear.LRELU_GAIN);
        Tensor dg = demodulation(s).mul(gain).view(n, -1, 1, 1);
        // in y's layout: a constant laid out otherwise made the add stride across channels (measured 6% slower)
        Tensor c = noiseConst.view(1, 1, y.size(2), -1).mul(noiseStrength).add(bias.view(1, -1, 1, 1)).mul(gain)
                .contiguous(y.is_contiguous(torch.MemoryFormat.ChannelsLast) ? torch.MemoryFormat.ChannelsLast
                        : torch.MemoryFormat.Contiguous);
        // y = c + y dg in one pass over the maps, written over y (an output that is its input exactly is allowed)
        return torch.leaky_relu_(torch.addcmul_out(y, c, y, dg), new Scalar(0.2));
    }

    /**
     * toRGB (1x1, one output channel per image channel) with its styles folded into a per-image weight: the maps are
     * read once as a batched product, in their own layout (channels-last from the convolution before, so N x HW x C
     * is a view), instead of being scaled first and convolved to a few channels, which oneDNN pads to its block.
     * y[i, o] = sum_c weight[o, c] s[i, c] x[i, c] + bias[o].
     */
    private Tensor toRgb(Tensor x, Tensor s) {
        long n = x.size(0);
        long c = x.size(1);
        long h = x.size(2);
        long wd = x.size(3);
        Tensor wi = weight.view(1, -1, c).mul(s.view(n, 1, c));                            // N x out x C
        Tensor xi = x.permute(0, 2, 3, 1).reshape(n, h * wd, c);                           // N x HW x C
        Tensor y = torch.baddbmm(bias.view(1, 1, -1), xi, wi.transpose(1, 2));              // N x HW x out
        return Tensors.channelsLastMaps(y, n, h, wd);
    }

    /**
     * d[i, o] = 1 / sqrt(sum_c s[i, c]^2 sum_k w[o, c, k]^2 + 1e-8), as one N x in by in x out product rather than N
     * modulated weight tensors.
     */
    Tensor demodulation(Tensor s) {
        Tensor w2 = weight.square().sum(new long[]{2, 3}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
        return s.square().matmul(w2.t()).add(new Scalar(1e-8)).rsqrt();
    }

    Tensor weight() {
        return weight;
    }

    Tensor bias() {
        return bias;
    }
}
