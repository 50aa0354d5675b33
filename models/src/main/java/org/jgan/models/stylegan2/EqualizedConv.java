package org.jgan.models.stylegan2;

import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Convolutions;
import org.jgan.engine.Tensors;

/**
 * A convolution of the StyleGAN2 discriminator with the equalized learning rate (Karras et al. 2018): N(0, 1) weights
 * scaled by 1 / sqrt(fanIn) at run time. {@code down} halves the resolution the anti-aliased way (the [1, 3, 3, 1]
 * filter, then a stride-2 convolution), as Karras et al. 2020 do; {@code lrelu} adds leaky ReLU(0.2) times sqrt(2).
 * The output may be scaled by a fixed factor ({@code outGain}).
 */
final class EqualizedConv extends Module {
    /** Fewer input channels than this make a 1x1 convolution an image layer ({@link #fromImage}). */
    private static final long FEW_CHANNELS = 16;
    private final Tensor weight;
    private final Tensor bias;
    private final long kernel;
    private final boolean down;
    private final boolean lrelu;
    private final double gain;
    private final double outGain;

    EqualizedConv(long in, long out, long kernel, boolean bias, boolean down, boolean lrelu, Generator gen) {
        this(in, out, kernel, bias, down, lrelu, 1.0, gen);
    }

    /**
     * @param outGain a positive factor on the output (the residual block's sqrt(1/2)), folded into the weight and the
     *                bias as the activation's gain is, so neither costs a pass over the maps
     */
    EqualizedConv(long in, long out, long kernel, boolean bias, boolean down, boolean lrelu, double outGain,
                  Generator gen) {
        this.weight = torch.randn(new long[]{out, in, kernel, kernel}, new GeneratorOptional(gen));
        register_parameter("weight", weight);
        this.bias = bias ? torch.zeros(out) : null;
        if (bias) {
            register_parameter("bias", this.bias);
        }
        this.kernel = kernel;
        this.down = down;
        this.lrelu = lrelu;
        this.gain = 1.0 / Math.sqrt((double) in * kernel * kernel);
        this.outGain = outGain;
    }

    Tensor forward(Tensor x) {
        // lrelu(v) * g = lrelu(v * g) for g > 0 and conv(x, w g) + b g = (conv(x, w) + b) g: the activation's gain and
        // outGain scale the (small) weight and bias instead of the (large) output, forward and backward
        double g = lrelu ? EqualizedLinear.LRELU_GAIN * outGain : outGain;
        Tensor w = weight.mul(new Scalar(gain * g));
        Tensor b = bias == null || g == 1.0 ? bias : bias.mul(new Scalar(g));
        Tensor y;
        if (kernel == 1 && !down && x.size(1) < FEW_CHANNELS) {
            y = fromImage(x, w, b);
        } else if (!down) {
            y = Convolutions.conv2d(x, w, b, 1, kernel / 2);
        } else if (kernel == 1) {
            // filtering then keeping every second pixel is the same as filtering only the kept pixels
            y = Convolutions.conv2d(Fir.down(x), w, b, 1, 0);
        } else {
            // pad so that the filtered map, convolved with stride 2 and no padding, gives exactly H / 2
            long pad = (kernel + 1) / 2;
            y = Convolutions.conv2d(Fir.blur(x, pad, 1.0), w, b, 2, 0);
        }
        return lrelu ? torch.leaky_relu(y, new Scalar(0.2)) : y;
    }

    /**
     * A 1x1 convolution of an image (fromRGB) as one product over its few channels, written channels-last: an ordinary
     * convolution of 1 or 3 channels leaves oneDNN (engine.md) and hands on an N x C x H x W map that every layer after
     * it, on oneDNN, would copy into channels-last first (twice here: the block's first convolution and its skip).
     */
    private static Tensor fromImage(Tensor x, Tensor w, Tensor b) {
        long n = x.size(0);
        long h = x.size(2);
        long wd = x.size(3);
        Tensor pixels = x.permute(0, 2, 3, 1).reshape(n * h * wd, x.size(1));             // NHW x in
        Tensor wt = w.view(w.size(0), -1).t();                                             // in x out
        Tensor y = b == null ? pixels.mm(wt) : torch.addmm(b, pixels, wt);
        return Tensors.channelsLastMaps(y, n, h, wd);
    }
}
