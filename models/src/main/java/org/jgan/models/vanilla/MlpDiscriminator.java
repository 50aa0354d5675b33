package org.jgan.models.vanilla;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;

/** The multilayer-perceptron discriminator of Goodfellow et al. 2014: C*H*W -> 8w -> 4w -> one logit. */
public final class MlpDiscriminator extends GanNet {
    private static final Scalar SLOPE = new Scalar(0.2);
    private final LinearImpl l1;
    private final LinearImpl l2;
    private final LinearImpl out;

    public MlpDiscriminator(int width, DataShape shape) {
        l1 = register_module("l1", Layers.linear(shape.pixels(), 8L * width, true));
        l2 = register_module("l2", Layers.linear(8L * width, 4L * width, true));
        out = register_module("out", Layers.linear(4L * width, 1, true));
    }

    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        Tensor h = torch.leaky_relu(l1.forward(x.flatten(1, -1)), SLOPE);
        h = torch.leaky_relu(l2.forward(h), SLOPE);
        return out.forward(h).view(-1);
    }
}
