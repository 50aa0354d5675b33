package org.jgan.core.nn;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/** A fully connected layer whose weight is spectrally normalised ({@link SpectralNorm}) on every forward. */
public final class SnLinear extends Module {
    private final Tensor weight;
    private final Tensor bias;
    private final SpectralNorm sn;

    public SnLinear(long in, long out, boolean bias, long seed) {
        LinearImpl init = Layers.linear(in, out, bias);
        // Own handles, not register_parameter's references (they dangle when the parameter list grows).
        this.weight = init.weight().detach().clone();
        register_parameter("weight", weight);
        this.bias = bias ? init.bias().detach().clone() : null;
        if (bias) {
            register_parameter("bias", this.bias);
        }
        init.close();
        this.sn = new SpectralNorm(this, "weight", out, seed);
    }

    public Tensor forward(Tensor x) {
        Tensor w = sn.apply(weight, is_training());
        return torch.linear(x, w, bias == null ? new TensorOptional() : new TensorOptional(bias));
    }
}
