package org.jgan.models.dcgan;

import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.nn.SnConv2d;
import org.jgan.core.nn.SnLinear;
import org.jgan.core.train.DataShape;

/**
 * DCGAN discriminator (Radford et al. 2015): Conv w (/2), LeakyReLU(0.2) -> Conv 2w (/2), BN, LeakyReLU -> Linear ->
 * one logit. Options: no batch norm (a WGAN-GP critic, Gulrajani et al. 2017) and spectral normalisation of every
 * weight (SNGAN, Miyato et al. 2018). {@link #features} exposes the body for conditional heads.
 */
public class DcganDiscriminator extends GanNet {
    private static final double SLOPE = 0.2;
    private final UnaryOperator<Tensor> conv1;
    private final UnaryOperator<Tensor> conv2;
    private final UnaryOperator<Tensor> norm2;
    private final UnaryOperator<Tensor> fc;
    private final long featureDim;

    public DcganDiscriminator(TrainConfig config, DataShape shape, long seed) {
        int w = config.model().width();
        boolean sn = config.reg().spectralNorm();
        boolean bn = config.model().dNorm().equals("batch");
        featureDim = 2L * w * (shape.height() / 4) * (shape.width() / 4);
        if (sn) {
            conv1 = register_module("conv1", new SnConv2d(shape.channels(), w, 4, 2, 1, true, seed))::forward;
            conv2 = register_module("conv2", new SnConv2d(w, 2L * w, 4, 2, 1, !bn, seed + 1))::forward;
            fc = register_module("fc", new SnLinear(featureDim, 1, true, seed + 2))::forward;
        } else {
            ConvLayer c1 = register_module("conv1", Layers.conv(shape.channels(), w, 4, 2, 1, true));
            ConvLayer c2 = register_module("conv2", Layers.conv(w, 2L * w, 4, 2, 1, !bn));
            LinearImpl l = register_module("fc", Layers.linear(featureDim, 1, true));
            conv1 = c1::forward;
            conv2 = c2::forward;
            fc = l::forward;
        }
        if (bn) {
            BatchNorm2dImpl b = register_module("bn2", Layers.bn2d(2L * w));
            norm2 = b::forward;
        } else {
            norm2 = x -> x;
        }
    }

    /** The flattened activations before the last linear layer, N x {@link #featureDim()}. */
    public Tensor features(Tensor x) {
        Tensor h = torch.leaky_relu(conv1.apply(x), new Scalar(SLOPE));
        h = torch.leaky_relu(norm2.apply(conv2.apply(h)), new Scalar(SLOPE));
        return h.flatten(1, -1);
    }

    public long featureDim() {
        return featureDim;
    }

    /** The unconditional logit of the features. */
    protected Tensor head(Tensor features) {
        return fc.apply(features).view(-1);
    }

    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        return head(features(x));
    }
}
