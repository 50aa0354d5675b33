package org.jgan.models.dcgan;

import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;

/**
 * DCGAN generator (Radford et al. 2015) for H x W images with H, W divisible by 4: z -> Linear -> 4w x H/4 x W/4,
 * BN, ReLU -> ConvTranspose 2w (x2), BN, ReLU -> ConvTranspose C (x2), tanh. With w = 64 on 28x28 that is
 * 256x7x7 -> 128x14x14 -> 1x28x28.
 */
public class DcganGenerator extends GanNet {
    private final long c0;
    private final long h0;
    private final long w0;
    private final LinearImpl fc;
    private final BatchNorm2dImpl bn0;
    private final ConvTranspose2dImpl up1;
    private final BatchNorm2dImpl bn1;
    private final ConvTranspose2dImpl up2;

    /** @param inputDim length of the input vector: the latent size, plus the label embedding in a cGAN */
    public DcganGenerator(int inputDim, int width, DataShape shape) {
        this.c0 = 4L * width;
        this.h0 = shape.height() / 4;
        this.w0 = shape.width() / 4;
        // No biases before batch norm: BN's shift makes them redundant.
        fc = register_module("fc", Layers.linear(inputDim, c0 * h0 * w0, false));
        bn0 = register_module("bn0", Layers.bn2d(c0));
        up1 = register_module("up1", Layers.convT(c0, 2L * width, 4, 2, 1, 0, false));
        bn1 = register_module("bn1", Layers.bn2d(2L * width));
        up2 = register_module("up2", Layers.convT(2L * width, shape.channels(), 4, 2, 1, 0, true));
    }

    @Override
    public Tensor forward(Tensor z, Tensor labels) {
        Tensor x = fc.forward(z).view(-1, c0, h0, w0);
        x = bn0.forward(x).relu();
        x = bn1.forward(up1.forward(x)).relu();
        return torch.tanh(up2.forward(x));
    }
}
