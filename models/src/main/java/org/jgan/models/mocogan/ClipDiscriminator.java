package org.jgan.models.mocogan;

import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;

/**
 * MoCoGAN's two discriminators (Tulyakov et al. 2018) on one DCGAN body (Radford et al. 2015: three strided
 * convolutions, batch norm, LeakyReLU, a linear logit), with a projection head when class-conditional (Miyato and
 * Koyama 2018). As the frame discriminator D_I it takes single frames, N x C x H x W. As the clip discriminator D_V it
 * takes clips, N x C x T x H x W, and sees the T frames and the T-1 differences between consecutive frames stacked as
 * channels.
 *
 * <p>Why 2-D convolutions over stacked frames and not 3-D ones: every convolution here goes through jgan's checked
 * routes ({@code engine/Convolutions}), which oneDNN's 3-D kernels would bypass; and the first layer then sees the whole
 * clip at once. Why the differences: a discriminator given only frames can tell real from fake by content alone and
 * leave motion unjudged (the complaint against MoCoGAN's D_V); the differences put motion in its input directly.
 */
public final class ClipDiscriminator extends GanNet {
    private static final Scalar SLOPE = new Scalar(0.2);
    private final boolean clips;
    private final ConvLayer[] convs = new ConvLayer[3];
    private final BatchNorm2dImpl[] bns = new BatchNorm2dImpl[2];
    private final LinearImpl fc;
    private final EmbeddingImpl embed;

    /**
     * @param clips    true for D_V (input clips of {@code frames} frames), false for D_I (input frames)
     * @param channels channels of a frame
     * @param classes  0 for an unconditional discriminator, else the number of classes of its projection
     */
    public ClipDiscriminator(boolean clips, int channels, int frames, int size, int width, long classes) {
        this.clips = clips;
        long in = clips ? (long) channels * (2L * frames - 1) : channels;
        convs[0] = register_module("conv1", Layers.conv(in, width, 4, 2, 1, true));
        convs[1] = register_module("conv2", Layers.conv(width, 2L * width, 4, 2, 1, false));
        bns[0] = register_module("bn2", Layers.bn2d(2L * width));
        convs[2] = register_module("conv3", Layers.conv(2L * width, 4L * width, 4, 2, 1, false));
        bns[1] = register_module("bn3", Layers.bn2d(4L * width));
        long features = 4L * width * (size / 8) * (size / 8);
        fc = register_module("fc", Layers.linear(features, 1, true));
        embed = classes > 0 ? register_module("embed", new EmbeddingImpl(classes, features)) : null;
    }

    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        Tensor in = clips ? stack(x) : x;
        Tensor h = torch.leaky_relu(convs[0].forward(in), SLOPE);
        h = torch.leaky_relu(bns[0].forward(convs[1].forward(h)), SLOPE);
        h = torch.leaky_relu(bns[1].forward(convs[2].forward(h)), SLOPE);
        Tensor phi = h.flatten(1, -1);
        Tensor logit = fc.forward(phi).view(-1);
        if (embed != null) {
            // inner product of the class embedding with the features
            logit = logit.add(embed.forward(labels).mul(phi).sum(new long[]{1}));
        }
        return logit;
    }

    /** N x C x T x H x W -> N x (C*T + C*(T-1)) x H x W: the frames, then frame t+1 minus frame t. */
    static Tensor stack(Tensor clip) {
        long n = clip.size(0);
        long t = clip.size(2);
        Tensor diffs = clip.narrow(2, 1, t - 1).sub(clip.narrow(2, 0, t - 1));
        return torch.cat(new TensorVector(clip.flatten(1, 2), diffs.flatten(1, 2)), 1)
                .view(n, -1, clip.size(3), clip.size(4));
    }
}
