package org.jgan.metrics.video;

import org.bytedeco.pytorch.BatchNorm3dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.Conv3dImpl;
import org.bytedeco.pytorch.Conv3dOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.Layers;
import org.jgan.engine.Opts;

/**
 * The small 3D CNN whose logits jgan's Fréchet video distance compares, as FVD (Unterthiner et al. 2018, "Towards
 * Accurate Generative Models of Video") compares the logits of an action-recognition I3D network (Carreira and
 * Zisserman 2017). I3D's weights are not available offline, so jgan trains its own judge on real moving Fashion-MNIST
 * clips to say both what moves (the garment's class) and how (the direction of the first displacement, in bins):
 * logits that separate content and motion, as MoCoGAN (Tulyakov et al. 2018) decomposes them.
 *
 * <p>Four 3x3x3 convolutions (16, 32, 64, 128 channels), each with batch norm and ReLU; the first halves space only,
 * the others halve time and space; then the mean over time and space is a {@value #FEATURES}-d vector, and two linear
 * heads give class and direction logits. About 64 MFLOP (32 million multiply-adds) per 16x48x48 clip: a thousand
 * clips in a few seconds on one core. Inputs are N x C x T x H x W in [-1, 1].
 *
 * <p>Why the first layer is a hand-made im2col: oneDNN 3.7.1 inside libtorch corrupts convolution weights whose
 * channel counts are not a multiple of its block of 16 (docs/engine.md), and a clip has 1 or 3 channels. jgan's 2-D
 * layers route such convolutions away from oneDNN ({@code org.jgan.engine.Convolutions}); there is no 3-D route, so
 * this layer is written as patches times a matrix (plain BLAS), and the later ones have 16-aligned channels.
 */
public final class VideoFeatureNet extends Module {
    /** Width of the pooled layer below the heads. */
    public static final int FEATURES = 128;
    private static final long[] WIDTHS = {16, 32, 64, FEATURES};
    private final VideoNetShape shape;
    private final Tensor stem;
    private final Conv3dImpl c2;
    private final Conv3dImpl c3;
    private final Conv3dImpl c4;
    private final BatchNorm3dImpl b1;
    private final BatchNorm3dImpl b2;
    private final BatchNorm3dImpl b3;
    private final BatchNorm3dImpl b4;
    private final LinearImpl classHead;
    private final LinearImpl directionHead;

    public VideoFeatureNet(VideoNetShape shape) {
        this.shape = shape;
        // libtorch's Conv3d initialisation, then our own handle on the weight (as core's ConvLayer does).
        Conv3dImpl init = conv(shape.channels(), WIDTHS[0], 1);
        stem = init.weight().detach().clone();
        init.close();
        register_parameter("stem", stem);
        b1 = register_module("b1", bn(WIDTHS[0]));
        c2 = register_module("c2", conv(WIDTHS[0], WIDTHS[1], 2));
        b2 = register_module("b2", bn(WIDTHS[1]));
        c3 = register_module("c3", conv(WIDTHS[1], WIDTHS[2], 2));
        b3 = register_module("b3", bn(WIDTHS[2]));
        c4 = register_module("c4", conv(WIDTHS[2], WIDTHS[3], 2));
        b4 = register_module("b4", bn(WIDTHS[3]));
        classHead = register_module("classes", Layers.linear(FEATURES, shape.classes(), true));
        directionHead = register_module("directions", Layers.linear(FEATURES, shape.directions(), true));
    }

    public VideoNetShape shape() {
        return shape;
    }

    /** The pooled activations, N x {@value #FEATURES}. */
    public Tensor features(Tensor x) {
        Tensor h = torch.relu(b1.forward(stem(x)));
        h = torch.relu(b2.forward(c2.forward(h)));
        h = torch.relu(b3.forward(c3.forward(h)));
        h = torch.relu(b4.forward(c4.forward(h)));
        return h.flatten(2, -1).mean(new long[]{2}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
    }

    /** Class logits from features computed by {@link #features}. */
    public Tensor classLogits(Tensor features) {
        return classHead.forward(features);
    }

    /** Direction-bin logits from features computed by {@link #features}. */
    public Tensor directionLogits(Tensor features) {
        return directionHead.forward(features);
    }

    /** Class logits then direction logits, N x (classes + directions): what the Fréchet distance compares. */
    public Tensor logits(Tensor x) {
        Tensor f = features(x);
        return torch.cat(new org.bytedeco.pytorch.TensorVector(classLogits(f), directionLogits(f)), 1);
    }

    /**
     * The first layer: a 3x3x3 convolution with padding 1 and stride (1, 2, 2) computed as patches times weights. The
     * patches come from {@code unfold} (views, so autograd flows back through them) and the product is a plain matrix
     * multiply.
     */
    Tensor stem(Tensor x) {
        long n = x.size(0);
        long c = x.size(1);
        long t = x.size(2);
        Tensor p = torch.constant_pad_nd(x, new long[]{1, 1, 1, 1, 1, 1}, new org.bytedeco.pytorch.Scalar(0.0));
        // N x C x T x H' x W' x kt x kh x kw
        Tensor patches = p.unfold(2, 3, 1).unfold(3, 3, 2).unfold(4, 3, 2);
        long h = patches.size(3);
        long w = patches.size(4);
        Tensor rows = patches.permute(0, 2, 3, 4, 1, 5, 6, 7).reshape(n * t * h * w, c * 27);
        Tensor out = rows.mm(stem.reshape(WIDTHS[0], c * 27).t());
        return out.reshape(n, t, h, w, WIDTHS[0]).permute(0, 4, 1, 2, 3).contiguous();
    }

    /** The stem's weight, 16 x C x 3 x 3 x 3 (libtorch's Conv3d layout). */
    Tensor stemWeight() {
        return stem;
    }

    private static Conv3dImpl conv(long in, long out, long stride) {
        Conv3dOptions o = new Conv3dOptions(in, out, Opts.of(3, 3, 3));
        Opts.set(o.stride(), stride == 1 ? new long[]{1, 2, 2} : new long[]{stride, stride, stride});
        o.padding().put(Opts.of(1, 1, 1));
        o.bias().put(false);
        return new Conv3dImpl(o);
    }

    private static BatchNorm3dImpl bn(long features) {
        return new BatchNorm3dImpl(new BatchNormOptions(features));
    }
}
