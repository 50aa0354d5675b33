package org.jgan.models.stylegan2;

import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * A fully connected layer with the equalized learning rate of Karras et al. 2018 ("Progressive growing of GANs"),
 * kept by StyleGAN2 (Karras et al. 2020): weights are stored as N(0, 1) / lrMult and scaled by lrMult / sqrt(fanIn)
 * on every forward, so Adam's per-parameter step is the same relative change for every layer whatever its fan-in.
 * {@code lrMult} = 0.01 slows the mapping network down as in the paper. With {@code lrelu} the output goes through
 * leaky ReLU(0.2) times sqrt(2), which keeps the activations' second moment.
 */
final class EqualizedLinear extends Module {
    static final double LRELU_GAIN = Math.sqrt(2.0);
    private final Tensor weight;
    private final Tensor bias;
    private final double weightGain;
    private final double biasGain;
    private final boolean lrelu;

    EqualizedLinear(long in, long out, boolean bias, double biasInit, double lrMult, boolean lrelu, Generator gen) {
        // Own handles, registered: register_parameter's returned references dangle (see core/nn/SnConv2d).
        this.weight = torch.randn(new long[]{out, in}, new GeneratorOptional(gen)).div(new Scalar(lrMult));
        register_parameter("weight", weight);
        this.bias = bias ? torch.full(new long[]{out}, new Scalar(biasInit / lrMult)) : null;
        if (bias) {
            register_parameter("bias", this.bias);
        }
        this.weightGain = lrMult / Math.sqrt(in);
        this.biasGain = lrMult;
        this.lrelu = lrelu;
    }

    Tensor forward(Tensor x) {
        Tensor b = bias == null ? null : bias.mul(new Scalar(biasGain));
        Tensor y = torch.linear(x, weight.mul(new Scalar(weightGain)), b == null ? new TensorOptional()
                : new TensorOptional(b));
        return lrelu ? torch.leaky_relu(y, new Scalar(0.2)).mul(new Scalar(LRELU_GAIN)) : y;
    }

    Tensor weight() {
        return weight;
    }
}
