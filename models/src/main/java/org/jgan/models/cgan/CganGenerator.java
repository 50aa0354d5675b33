package org.jgan.models.cgan;

import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.ConditionalBatchNorm;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;

/**
 * Conditional DCGAN generator (Mirza and Osindero 2014) with class-conditional batch norm (de Vries et al. 2017, as in
 * Miyato and Koyama 2018): the DCGAN generator's layers, z the only input, and every batch norm's scale and shift
 * chosen by the class. An earlier version concatenated a label embedding to z; on Fashion-MNIST it ignored z within
 * a class (recall 0.000 at 5 epochs), see {@link ConditionalBatchNorm}.
 */
public final class CganGenerator extends GanNet {
    private final long c0;
    private final long h0;
    private final long w0;
    private final LinearImpl fc;
    private final ConditionalBatchNorm bn0;
    private final ConvTranspose2dImpl up1;
    private final ConditionalBatchNorm bn1;
    private final ConvTranspose2dImpl up2;

    public CganGenerator(int latentDim, int width, DataShape shape) {
        this.c0 = 4L * width;
        this.h0 = shape.height() / 4;
        this.w0 = shape.width() / 4;
        fc = register_module("fc", Layers.linear(latentDim, c0 * h0 * w0, false));
        bn0 = register_module("bn0", new ConditionalBatchNorm(shape.numClasses(), c0));
        up1 = register_module("up1", Layers.convT(c0, 2L * width, 4, 2, 1, 0, false));
        bn1 = register_module("bn1", new ConditionalBatchNorm(shape.numClasses(), 2L * width));
        up2 = register_module("up2", Layers.convT(2L * width, shape.channels(), 4, 2, 1, 0, true));
    }

    /** The class-conditional scales and shifts at their DCGAN values; call after the generic initialiser. */
    public void initConditioning(long seed) {
        bn0.reset(seed);
        bn1.reset(seed + 1);
    }

    @Override
    public Tensor forward(Tensor z, Tensor labels) {
        if (labels == null) {
            throw new ConfigException("this generator is conditional: give class labels (sample --class K or all)");
        }
        Tensor x = fc.forward(z).view(-1, c0, h0, w0);
        x = bn0.forward(x, labels).relu();
        x = bn1.forward(up1.forward(x), labels).relu();
        return torch.tanh(up2.forward(x));
    }
}
