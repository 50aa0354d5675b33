package org.jgan.core.nn;

import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.Convolutions;

/**
 * A 2-D convolution or transposed convolution layer with square kernel, stride and padding, computed through
 * {@link Convolutions} so that no configuration reaches a oneDNN kernel that is wrong on this CPU. Parameters are
 * named {@code weight} and {@code bias} and initialised as libtorch's {@code Conv2d}/{@code ConvTranspose2d} do,
 * so checkpoints and seeds are the same as with those modules. Built by {@link Layers#conv} and {@link Layers#convT}.
 */
public final class ConvLayer extends Module {
    private final Tensor weight;
    private final Tensor bias;
    private final long stride;
    private final long padding;
    private final long outputPadding;
    private final boolean transposed;

    ConvLayer(Conv2dImpl init, long stride, long padding) {
        this(init.weight(), init.bias(), stride, padding, 0, false);
        init.close();
    }

    ConvLayer(ConvTranspose2dImpl init, long stride, long padding, long outputPadding) {
        this(init.weight(), init.bias(), stride, padding, outputPadding, true);
        init.close();
    }

    private ConvLayer(Tensor w, Tensor b, long stride, long padding, long outputPadding, boolean transposed) {
        // Own handles, registered: the references register_parameter returns dangle once the list grows (SnConv2d).
        this.weight = w.detach().clone();
        register_parameter("weight", weight);
        this.bias = b.defined() ? b.detach().clone() : null;
        if (bias != null) {
            register_parameter("bias", bias);
        }
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
        this.transposed = transposed;
    }

    public Tensor forward(Tensor x) {
        return forward(x, weight, bias);
    }

    /**
     * This layer's convolution (stride, padding, direction) with other weights of the same shape, e.g. its own with
     * a batch norm folded in for inference; {@code b} may be null.
     */
    public Tensor forward(Tensor x, Tensor w, Tensor b) {
        return transposed ? Convolutions.convTranspose2d(x, w, b, stride, padding, outputPadding)
                : Convolutions.conv2d(x, w, b, stride, padding);
    }

    /** out x in x k x k, or in x out x k x k when transposed (libtorch's layouts). */
    public Tensor weight() {
        return weight;
    }

    /** Whether this is a transposed convolution (its weight is in x out x k x k). */
    public boolean transposed() {
        return transposed;
    }

    /** The bias, or null when the layer has none. */
    public Tensor bias() {
        return bias;
    }
}
