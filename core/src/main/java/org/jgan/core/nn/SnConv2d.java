package org.jgan.core.nn;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.Convolutions;

/** A 2-D convolution whose weight is spectrally normalised ({@link SpectralNorm}) on every forward. */
public final class SnConv2d extends Module {
    private final Tensor weight;
    private final Tensor bias;
    private final long stride;
    private final long padding;
    private final SpectralNorm sn;

    public SnConv2d(long in, long out, long kernel, long stride, long padding, boolean bias, long seed) {
        // Borrow libtorch's default initialisation from a plain convolution of the same shape.
        ConvLayer init = Layers.conv(in, out, kernel, stride, padding, bias);
        // Keep our own handles: the references register_parameter returns dangle once the module's parameter list
        // grows (measured: a "weight" that later reads as a 1-D tensor).
        this.weight = init.weight().detach().clone();
        register_parameter("weight", weight);
        this.bias = bias ? init.bias().detach().clone() : null;
        if (bias) {
            register_parameter("bias", this.bias);
        }
        init.close();
        this.stride = stride;
        this.padding = padding;
        this.sn = new SpectralNorm(this, "weight", out, seed);
    }

    public Tensor forward(Tensor x) {
        Tensor w = sn.apply(weight, is_training());
        return Convolutions.conv2d(x, w, bias, stride, padding);
    }
}
