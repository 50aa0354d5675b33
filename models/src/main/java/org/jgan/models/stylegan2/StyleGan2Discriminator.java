package org.jgan.models.stylegan2;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.MinibatchStd;
import org.jgan.core.train.DataShape;

/**
 * The residual discriminator of StyleGAN2 (Karras et al. 2020, Figure 7c): fromRGB at R x R, then per resolution a
 * block of two 3x3 convolutions (the second one downsampling) plus a downsampled 1x1 skip, summed and scaled by
 * sqrt(1/2); at 4x4 the minibatch standard deviation (Karras et al. 2018) over groups of up to
 * {@code stylegan2.mbstdGroup} samples as one extra channel, a 3x3 convolution and two fully connected layers to one
 * logit. Conditional models use a projection head (Miyato and Koyama 2018): the last layer gives a vector that is
 * dotted with a class embedding.
 *
 * <p>Images smaller than R x R (Fashion-MNIST's 28x28 in a 32x32 model) are padded with -1, the data's background,
 * centred as the generator crops them.
 */
final class StyleGan2Discriminator extends GanNet {
    /** The residual block's scale, sqrt(1/2), so the sum of the two branches keeps the variance of one. */
    private static final double RESIDUAL_GAIN = Math.sqrt(0.5);
    private final EqualizedConv fromRgb;
    private final List<EqualizedConv[]> blocks = new ArrayList<>();
    private final EqualizedConv epilogueConv;
    private final EqualizedLinear fc;
    private final EqualizedLinear out;
    private final EqualizedLinear embed;
    private final DataShape shape;
    private final int resolution;
    private final long cmapDim;
    private final int mbstdGroup;

    StyleGan2Discriminator(int width, DataShape shape, int mbstdGroup, long seed) {
        this.shape = shape;
        this.mbstdGroup = mbstdGroup;
        this.resolution = StyleGan2.resolution(shape);
        int[] ch = StyleGan2.channels(resolution, width);
        Generator gen = torch.createCPUGenerator(seed);
        int top = ch.length - 1;
        fromRgb = register_module("fromrgb", new EqualizedConv(shape.channels(), ch[top], 1, true, false, true, gen));
        for (int level = top, r = resolution; r > 4; level--, r /= 2) {
            EqualizedConv[] b = {
                register_module("b" + r + "_conv0", new EqualizedConv(ch[level], ch[level], 3, true, false, true, gen)),
                register_module("b" + r + "_conv1", new EqualizedConv(ch[level], ch[level - 1], 3, true, true, true,
                        RESIDUAL_GAIN, gen)),
                register_module("b" + r + "_skip", new EqualizedConv(ch[level], ch[level - 1], 1, false, true, false,
                        RESIDUAL_GAIN, gen))};
            blocks.add(b);
        }
        long c4 = ch[0];
        epilogueConv = register_module("b4_conv", new EqualizedConv(c4 + 1, c4, 3, true, false, true, gen));
        fc = register_module("b4_fc", new EqualizedLinear(c4 * 16, c4, true, 0, 1.0, true, gen));
        cmapDim = shape.numClasses() > 0 ? c4 : 0;
        out = register_module("b4_out", new EqualizedLinear(c4, Math.max(1, cmapDim), true, 0, 1.0, false, gen));
        embed = cmapDim > 0 ? register_module("embed", new EqualizedLinear(shape.numClasses(), cmapDim, true, 0, 1.0,
                false, gen)) : null;
    }

    /** Pads H x W images to R x R with -1 (the background), centred as the generator crops. */
    Tensor pad(Tensor x) {
        long top = (resolution - shape.height()) / 2;
        long left = (resolution - shape.width()) / 2;
        if (top == 0 && left == 0 && shape.height() == resolution && shape.width() == resolution) {
            return x;
        }
        return torch.constant_pad_nd(x, new long[]{left, resolution - shape.width() - left, top,
                resolution - shape.height() - top}, new Scalar(-1.0));
    }

    @Override
    public Tensor forward(Tensor img, Tensor labels) {
        Tensor x = fromRgb.forward(pad(img));
        for (EqualizedConv[] b : blocks) {
            Tensor skip = b[2].forward(x);
            // both branches carry the block's sqrt(1/2) in their weights
            x = b[1].forward(b[0].forward(x)).add(skip);
        }
        x = epilogueConv.forward(MinibatchStd.append(x, mbstdGroup));
        x = out.forward(fc.forward(x.flatten(1, -1)));
        if (embed == null) {
            return x.view(-1);
        }
        if (labels == null) {
            throw new IllegalArgumentException("this discriminator is conditional and needs class labels");
        }
        Tensor cmap = MappingNetwork.normalize2ndMoment(embed.forward(torch.one_hot(labels, shape.numClasses())
                .to(torch.ScalarType.Float)));
        // projection: <out, embed(y)> / sqrt(dim)
        return x.mul(cmap).sum(new long[]{1}, false, new org.bytedeco.pytorch.ScalarTypeOptional())
                .mul(new Scalar(1.0 / Math.sqrt(cmapDim)));
    }
}
