package org.jgan.models.dcgan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.BatchNormFold;
import org.jgan.core.nn.ClassNorms;
import org.jgan.core.nn.ConditionalBatchNorm;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;
import org.jgan.engine.Tensors;

/**
 * DCGAN generator (Radford et al. 2015) for H x W images with H, W divisible by 4: z -> Linear -> 4w x H/4 x W/4,
 * BN, ReLU -> ConvTranspose 2w (x2), BN, ReLU -> ConvTranspose C (x2), tanh. With w = 64 on 28x28 that is
 * 256x7x7 -> 128x14x14 -> 1x28x28. Given a class count, its batch norms are class-conditional
 * ({@link ConditionalBatchNorm}), the conditional generator of {@code cgan}.
 */
public class DcganGenerator extends GanNet {
    private final long c0;
    private final long h0;
    private final long w0;
    private final LinearImpl fc;
    private final BiFunction<Tensor, Tensor, Tensor> bn0;
    private final ConvLayer up1;
    private final BiFunction<Tensor, Tensor, Tensor> bn1;
    private final ConvLayer up2;
    private final List<ConditionalBatchNorm> conditional = new ArrayList<>();
    private final List<BatchNorm2dImpl> plain = new ArrayList<>();

    /** @param inputDim length of the input vector (the latent size) */
    public DcganGenerator(int inputDim, int width, DataShape shape) {
        this(inputDim, width, shape, 0);
    }

    /** @param classes 0 for plain batch norm, else the number of classes of the class-conditional batch norms */
    protected DcganGenerator(int inputDim, int width, DataShape shape, long classes) {
        this.c0 = 4L * width;
        this.h0 = shape.height() / 4;
        this.w0 = shape.width() / 4;
        // No biases before batch norm: BN's shift makes them redundant.
        fc = register_module("fc", Layers.linear(inputDim, c0 * h0 * w0, false));
        bn0 = norm("bn0", c0, classes);
        up1 = register_module("up1", Layers.convT(c0, 2L * width, 4, 2, 1, 0, false));
        bn1 = norm("bn1", 2L * width, classes);
        up2 = register_module("up2", Layers.convT(2L * width, shape.channels(), 4, 2, 1, 0, true));
    }

    private BiFunction<Tensor, Tensor, Tensor> norm(String name, long features, long classes) {
        return ClassNorms.register(this, name, features, classes, conditional, plain);
    }

    /** The class-conditional batch norms (none for the plain generator), in order. */
    protected List<ConditionalBatchNorm> conditionalNorms() {
        return conditional;
    }

    @Override
    public Tensor forward(Tensor z, Tensor labels) {
        if (!plain.isEmpty() && BatchNormFold.applies(plain.get(0))) {
            return folded(z);
        }
        Tensor x = maps(z, fc.weight(), null);
        x = bn0.apply(x, labels).relu();
        x = bn1.apply(up1.forward(x), labels).relu();
        return torch.tanh(up2.forward(x));
    }

    /**
     * The linear layer z W^T (W's rows in the order of c0 x h0 x w0 maps), plus a bias per channel when one is given
     * (c0 values), as N x c0 x h0 x w0 maps laid out channels-last: the product runs with W's rows reordered to
     * h0 x w0 x c0, so each image's outputs are its pixels' channel vectors. The transposed convolution after it
     * takes channels-last maps (oneDNN's layout); handed the product's own NCHW order, the maps were copied into
     * that layout and their gradient back, and the batch norm in between ran on mixed layouts. Reordering W costs
     * one copy of the weight instead (and one of its gradient): measured, a DCGAN training step about 3% shorter at
     * batch 64 (docs/results.md).
     */
    Tensor maps(Tensor z, Tensor weight, Tensor channelBias) {
        long area = h0 * w0;
        Tensor w = weight.view(c0, area, -1).transpose(0, 1).reshape(area * c0, -1);
        Tensor y = channelBias == null ? torch.linear(z, w) : torch.linear(z, w, channelBias.repeat(area));
        return Tensors.channelsLastMaps(y, z.size(0), h0, w0);
    }

    /**
     * Sampling (eval mode, no gradients) with both batch norms folded into the layers before them: the first into the
     * linear layer (each of its c0 channels is h0 x w0 outputs), the second into the transposed convolution. One pass
     * fewer over each feature map; images differ from the unfolded forward's in float32 rounding only.
     */
    private Tensor folded(Tensor z) {
        Tensor[] ss = BatchNormFold.scaleShift(plain.get(0));
        long area = h0 * w0;
        Tensor w = fc.weight().view(c0, area, -1).mul(ss[0].view(c0, 1, 1)).view(c0 * area, -1);
        Tensor x = maps(z, w, ss[1]).relu_();
        Tensor[] wb = BatchNormFold.into(up1, plain.get(1));
        x = up1.forward(x, wb[0], wb[1]).relu_();
        return torch.tanh(up2.forward(x));
    }
}
