package org.jgan.models.mocogan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.nn.SnConv2d;
import org.jgan.core.nn.SnLinear;

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
    private static final double SLOPE = 0.2;
    private final boolean clips;
    private final List<UnaryOperator<Tensor>> convs = new ArrayList<>();
    private final List<UnaryOperator<Tensor>> norms = new ArrayList<>();
    private final UnaryOperator<Tensor> fc;
    private final EmbeddingImpl embed;
    private final boolean batchStd;

    /**
     * @param clips    true for D_V (input clips of {@code frames} frames), false for D_I (input frames)
     * @param channels channels of a frame
     * @param classes  0 for an unconditional discriminator, else the number of classes of its projection
     */
    public ClipDiscriminator(boolean clips, int channels, int frames, int size, int width, long classes) {
        this(clips, channels, frames, size, width, classes, false, true, false, 0);
    }

    /** As below, without the 3x3 convolutions ({@code deep} false). */
    public ClipDiscriminator(boolean clips, int channels, int frames, int size, int width, long classes, boolean sn,
                             boolean bn, boolean batchStd, long seed) {
        this(clips, channels, frames, size, width, classes, sn, bn, batchStd, false, seed);
    }

    /**
     * @param sn   spectral normalisation of every weight (Miyato et al. 2018)
     * @param bn       batch norm after the second and third convolutions (DCGAN's; off for an SNGAN-style critic)
     * @param batchStd the last features also get the minibatch standard deviation (Karras et al. 2018) as one
     *                 more channel
     * @param deep     each strided convolution is followed by a 3x3 one of the same width at its resolution (SNGAN's
     *                 standard CNN, Miyato et al. 2018)
     * @param seed     seeds the spectral norms' power iterations
     */
    public ClipDiscriminator(boolean clips, int channels, int frames, int size, int width, long classes, boolean sn,
                             boolean bn, boolean batchStd, boolean deep, long seed) {
        this.clips = clips;
        this.batchStd = batchStd;
        long in = clips ? (long) channels * (2L * frames - 1) : channels;
        long[] widths = {in, width, 2L * width, 4L * width};
        for (int i = 0; i < 3; i++) {
            String name = "conv" + (i + 1);
            boolean bias = i == 0 || !bn;
            if (sn) {
                convs.add(register_module(name, new SnConv2d(widths[i], widths[i + 1], 4, 2, 1, bias, seed + i))
                        ::forward);
            } else {
                convs.add(register_module(name, Layers.conv(widths[i], widths[i + 1], 4, 2, 1, bias))::forward);
            }
            if (i > 0 && bn) {
                BatchNorm2dImpl b = register_module("bn" + (i + 1), Layers.bn2d(widths[i + 1]));
                norms.add(b::forward);
            } else {
                norms.add(x -> x);
            }
            if (deep) {
                String n3 = "conv" + (i + 1) + "b";
                long c = widths[i + 1];
                convs.add(sn ? register_module(n3, new SnConv2d(c, c, 3, 1, 1, true, seed + 10 + i))::forward
                        : register_module(n3, Layers.conv(c, c, 3, 1, 1, true))::forward);
                norms.add(x -> x);
            }
        }
        long features = (4L * width + (batchStd ? 1 : 0)) * (size / 8) * (size / 8);
        if (sn) {
            fc = register_module("fc", new SnLinear(features, 1, true, seed + 3))::forward;
        } else {
            fc = register_module("fc", Layers.linear(features, 1, true))::forward;
        }
        embed = classes > 0 ? register_module("embed", new EmbeddingImpl(classes, features)) : null;
    }

    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        Tensor in = clips ? stack(x) : x;
        Tensor h = in;
        for (int i = 0; i < convs.size(); i++) {
            h = torch.leaky_relu(norms.get(i).apply(convs.get(i).apply(h)), new Scalar(SLOPE));
        }
        if (batchStd) {
            h = org.jgan.core.nn.MinibatchStd.append(h);
        }
        Tensor phi = h.flatten(1, -1);
        Tensor logit = fc.apply(phi).view(-1);
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
