package org.jgan.models.dcgan;

import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;

/**
 * DCGAN discriminator (Radford et al. 2015): Conv w (/2), LeakyReLU(0.2) -> Conv 2w (/2), BN, LeakyReLU -> Linear ->
 * one logit. No batch norm on the first layer, as in the paper.
 */
public final class DcganDiscriminator extends GanNet {
    private static final Scalar SLOPE = new Scalar(0.2);
    private final Conv2dImpl conv1;
    private final Conv2dImpl conv2;
    private final BatchNorm2dImpl bn2;
    private final LinearImpl fc;

    public DcganDiscriminator(int width, DataShape shape) {
        conv1 = register_module("conv1", Layers.conv(shape.channels(), width, 4, 2, 1, true));
        conv2 = register_module("conv2", Layers.conv(width, 2L * width, 4, 2, 1, false));
        bn2 = register_module("bn2", Layers.bn2d(2L * width));
        fc = register_module("fc", Layers.linear(2L * width * (shape.height() / 4) * (shape.width() / 4), 1, true));
    }

    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        Tensor h = torch.leaky_relu(conv1.forward(x), SLOPE);
        h = torch.leaky_relu(bn2.forward(conv2.forward(h)), SLOPE);
        return fc.forward(h.flatten(1, -1)).view(-1);
    }
}
