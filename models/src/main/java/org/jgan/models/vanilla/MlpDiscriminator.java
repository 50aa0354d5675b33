package org.jgan.models.vanilla;

import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.nn.SnLinear;
import org.jgan.core.train.DataShape;

/**
 * The multilayer-perceptron discriminator of Goodfellow et al. 2014: C*H*W -> 8w -> 4w -> one logit, optionally with
 * spectrally normalised layers (Miyato et al. 2018).
 */
public final class MlpDiscriminator extends GanNet {
    private static final double SLOPE = 0.2;
    private final UnaryOperator<Tensor> l1;
    private final UnaryOperator<Tensor> l2;
    private final UnaryOperator<Tensor> out;

    public MlpDiscriminator(TrainConfig config, DataShape shape, long seed) {
        int w = config.model().width();
        boolean sn = config.reg().spectralNorm();
        l1 = layer("l1", shape.pixels(), 8L * w, sn, seed);
        l2 = layer("l2", 8L * w, 4L * w, sn, seed + 1);
        out = layer("out", 4L * w, 1, sn, seed + 2);
    }

    private UnaryOperator<Tensor> layer(String name, long in, long outDim, boolean sn, long seed) {
        if (sn) {
            SnLinear l = register_module(name, new SnLinear(in, outDim, true, seed));
            return l::forward;
        }
        org.bytedeco.pytorch.LinearImpl l = register_module(name, Layers.linear(in, outDim, true));
        return l::forward;
    }

    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        Tensor h = torch.leaky_relu(l1.apply(x.flatten(1, -1)), new Scalar(SLOPE));
        h = torch.leaky_relu(l2.apply(h), new Scalar(SLOPE));
        return out.apply(h).view(-1);
    }
}
