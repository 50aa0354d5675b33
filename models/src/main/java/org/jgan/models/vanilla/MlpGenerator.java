package org.jgan.models.vanilla;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;

/** The multilayer-perceptron generator of Goodfellow et al. 2014: z -> 4w -> 8w -> 16w -> C*H*W, tanh. */
public final class MlpGenerator extends GanNet {
    private static final double SLOPE = 0.2;
    private final LinearImpl l1;
    private final LinearImpl l2;
    private final LinearImpl l3;
    private final LinearImpl out;
    private final DataShape shape;

    public MlpGenerator(int latentDim, int width, DataShape shape) {
        this.shape = shape;
        l1 = register_module("l1", Layers.linear(latentDim, 4L * width, true));
        l2 = register_module("l2", Layers.linear(4L * width, 8L * width, true));
        l3 = register_module("l3", Layers.linear(8L * width, 16L * width, true));
        out = register_module("out", Layers.linear(16L * width, shape.pixels(), true));
    }

    @Override
    public Tensor forward(Tensor z, Tensor labels) {
        Tensor h = torch.leaky_relu(l1.forward(z), new Scalar(SLOPE));
        h = torch.leaky_relu(l2.forward(h), new Scalar(SLOPE));
        h = torch.leaky_relu(l3.forward(h), new Scalar(SLOPE));
        return torch.tanh(out.forward(h)).view(-1, shape.channels(), shape.height(), shape.width());
    }
}
