package org.jgan.models.stylegan2;

import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Convolutions;

/**
 * A convolution of the StyleGAN2 discriminator with the equalized learning rate (Karras et al. 2018): N(0, 1) weights
 * scaled by 1 / sqrt(fanIn) at run time. {@code down} halves the resolution the anti-aliased way (the [1, 3, 3, 1]
 * filter, then a stride-2 convolution), as Karras et al. 2020 do; {@code lrelu} adds leaky ReLU(0.2) times sqrt(2).
 */
final class EqualizedConv extends Module {
    private final Tensor weight;
    private final Tensor bias;
    private final long kernel;
    private final boolean down;
    private final boolean lrelu;
    private final double gain;

    EqualizedConv(long in, long out, long kernel, boolean bias, boolean down, boolean lrelu, Generator gen) {
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
    }

    Tensor forward(Tensor x) {
        Tensor w = weight.mul(new Scalar(gain));
        Tensor b = bias;
        Tensor y;
        if (!down) {
            y = Convolutions.conv2d(x, w, b, 1, kernel / 2);
        } else if (kernel == 1) {
            // filtering then keeping every second pixel is the same as filtering only the kept pixels
            y = Convolutions.conv2d(Fir.down(x), w, b, 1, 0);
        } else {
            // pad so that the filtered map, convolved with stride 2 and no padding, gives exactly H / 2
            long pad = (kernel + 1) / 2;
            y = Convolutions.conv2d(Fir.blur(x, pad, 1.0), w, b, 2, 0);
        }
        return lrelu ? torch.leaky_relu(y, new Scalar(0.2)).mul(new Scalar(EqualizedLinear.LRELU_GAIN)) : y;
    }
}
