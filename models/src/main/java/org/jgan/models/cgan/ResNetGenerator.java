package org.jgan.models.cgan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.ClassNorms;
import org.jgan.core.nn.ConditionalBatchNorm;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;

/**
 * The residual generator of SNGAN's CIFAR-10 experiments (Miyato et al. 2018; the blocks of He et al. 2016), scaled to
 * H x W images with H, W divisible by 4: z -> Linear -> w x H/4 x W/4, then two up-blocks (BN, ReLU, nearest x2,
 * 3x3 conv, BN, ReLU, 3x3 conv, plus a 1x1 conv and nearest x2 shortcut), the second halving the channels to w/2,
 * then BN, ReLU, a 3x3 conv to the image and tanh. The class enters as {@link CganConfig#labelInput()} says: one-hot
 * beside z, class-conditional batch norm in the blocks (the generator of Miyato and Koyama 2018), or both.
 *
 * <p>Why the last block at half the channels: at full width the 28x28 block alone would cost 8 times DCGAN's whole
 * generator; at w/2 the generator costs about 1.4 times DCGAN's (w = 64: 39 against 27 million multiply-adds an
 * image), so a screen at equal wall-clock compares depth, not only size.
 */
public final class ResNetGenerator extends GanNet implements ClassConditioned {
    private final long c0;
    private final long h0;
    private final long w0;
    private final long classes;
    private final boolean oneHot;
    private final LinearImpl fc;
    private final UpBlock[] blocks = new UpBlock[2];
    private final BiFunction<Tensor, Tensor, Tensor> lastNorm;
    private final ConvLayer toImage;
    private final List<ConditionalBatchNorm> conditional = new ArrayList<>();

    public ResNetGenerator(int latentDim, int width, DataShape shape, CganConfig cfg) {
        if (shape.height() % 4 != 0 || shape.width() % 4 != 0 || width < 2) {
            throw new ConfigException("the resnet generator makes images whose sides divide by 4 from a width of 2 or "
                    + "more, got " + shape.height() + "x" + shape.width() + " at width " + width);
        }
        this.classes = shape.numClasses();
        this.oneHot = cfg.oneHot();
        long normClasses = cfg.conditionalNorm() ? classes : 0;
        c0 = width;
        h0 = shape.height() / 4;
        w0 = shape.width() / 4;
        fc = register_module("fc", Layers.linear(latentDim + (oneHot ? classes : 0), c0 * h0 * w0, true));
        blocks[0] = new UpBlock("block1", c0, c0, normClasses);
        blocks[1] = new UpBlock("block2", c0, c0 / 2, normClasses);
        lastNorm = norm("bnOut", c0 / 2, normClasses);
        toImage = register_module("toImage", Layers.conv(c0 / 2, shape.channels(), 3, 1, 1, true));
    }

    @Override
    public void initConditioning(long seed) {
        ClassNorms.reset(conditional, seed);
    }

    @Override
    public Tensor forward(Tensor z, Tensor labels) {
        Tensor x = fc.forward(CganGenerator.input(z, labels, classes, oneHot)).view(-1, c0, h0, w0);
        for (UpBlock b : blocks) {
            x = b.forward(x, labels);
        }
        return torch.tanh(toImage.forward(lastNorm.apply(x, labels).relu()));
    }

    private BiFunction<Tensor, Tensor, Tensor> norm(String name, long features, long normClasses) {
        return ClassNorms.register(this, name, features, normClasses, conditional, null);
    }

    /** One residual up-block; its layers are registered on the generator under {@code name}. */
    private final class UpBlock {
        private final BiFunction<Tensor, Tensor, Tensor> bn1;
        private final ConvLayer conv1;
        private final BiFunction<Tensor, Tensor, Tensor> bn2;
        private final ConvLayer conv2;
        private final ConvLayer shortcut;

        UpBlock(String name, long in, long out, long normClasses) {
            bn1 = norm(name + "_bn1", in, normClasses);
            // No bias before batch norm: BN's shift makes it redundant.
            conv1 = register_module(name + "_conv1", Layers.conv(in, out, 3, 1, 1, false));
            bn2 = norm(name + "_bn2", out, normClasses);
            conv2 = register_module(name + "_conv2", Layers.conv(out, out, 3, 1, 1, true));
            shortcut = register_module(name + "_skip", Layers.conv(in, out, 1, 1, 0, true));
        }

        Tensor forward(Tensor x, Tensor labels) {
            Tensor h = conv1.forward(Layers.doubled(bn1.apply(x, labels).relu()));
            h = conv2.forward(bn2.apply(h, labels).relu());
            // A 1x1 convolution commutes with nearest-neighbour upsampling: applied first, it works on a quarter of
            // the pixels for the same result.
            return h.add(Layers.doubled(shortcut.forward(x)));
        }
    }
}
