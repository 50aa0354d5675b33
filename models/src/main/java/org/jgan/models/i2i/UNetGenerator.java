package org.jgan.models.i2i;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;

/**
 * The U-Net generator of pix2pix (Isola et al. 2017; Ronneberger et al. 2015): an encoder of 4x4 stride-2
 * convolutions (LeakyReLU 0.2, batch norm except at the two ends) and a mirrored decoder of transposed convolutions
 * (ReLU, batch norm, dropout 0.5 in the 8w-wide layers below the bottleneck as in the paper), with skip connections
 * that concatenate each encoder layer to its mirror, and tanh at the end.
 *
 * <p>Depth {@code d} = min(8, floor(log2(min side))): 8 at 256x256 as in the paper (a 1x1 bottleneck), 4 at 28x28.
 * Inputs whose sides are not multiples of 2^d are reflection-padded on the right and bottom and the output cropped
 * back, so one network serves any size from 4 pixels up.
 */
public final class UNetGenerator extends GanNet implements ChannelMap {
    private final int depth;
    private final int in;
    private final int out;
    private final List<ConvLayer> down = new ArrayList<>();
    private final List<BatchNorm2dImpl> downNorm = new ArrayList<>();
    private final List<ConvLayer> up = new ArrayList<>();
    private final List<BatchNorm2dImpl> upNorm = new ArrayList<>();
    private final boolean[] dropout;

    public UNetGenerator(int in, int out, int width, int minSide) {
        this.in = in;
        this.out = out;
        if (minSide < 4) {
            throw new IllegalArgumentException("a U-Net needs images of at least 4x4, got a side of " + minSide);
        }
        this.depth = depth(minSide);
        long[] ch = new long[depth];
        for (int i = 0; i < depth; i++) {
            ch[i] = (long) width * Math.min(1 << i, 8);
        }
        dropout = new boolean[depth];
        for (int i = 0; i < depth; i++) {
            boolean outermostOrInnermost = i == 0 || i == depth - 1;
            down.add(register_module("down" + i, Layers.conv(i == 0 ? in : ch[i - 1], ch[i], 4, 2, 1,
                    outermostOrInnermost)));
            downNorm.add(outermostOrInnermost ? null : register_module("downNorm" + i, Layers.bn2d(ch[i])));
            // Decoder layer i maps level i back to level i-1 (or the output); all but the innermost see a skip too.
            long upIn = i == depth - 1 ? ch[i] : 2 * ch[i];
            up.add(register_module("up" + i, Layers.convT(upIn, i == 0 ? out : ch[i - 1], 4, 2, 1, 0, i == 0)));
            upNorm.add(i == 0 ? null : register_module("upNorm" + i, Layers.bn2d(ch[i - 1])));
            // pix2pix: dropout in the 8w-wide middle blocks (levels 4 .. d-2), none at the innermost.
            dropout[i] = i >= 4 && i < depth - 1;
        }
    }

    /** The number of stride-2 levels for images whose shorter side is {@code minSide}. */
    public static int depth(int minSide) {
        return Math.min(8, 31 - Integer.numberOfLeadingZeros(minSide));
    }

    @Override
    public int inChannels() {
        return in;
    }

    @Override
    public int outChannels() {
        return out;
    }

    public int depth() {
        return depth;
    }

    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        long h0 = x.size(2);
        long w0 = x.size(3);
        Tensor h = Blocks.padTo(x, 1L << depth);
        Tensor[] skips = new Tensor[depth];
        for (int i = 0; i < depth; i++) {
            Tensor a = i == 0 ? h : Blocks.lrelu(h);
            h = down.get(i).forward(a);
            if (downNorm.get(i) != null) {
                h = downNorm.get(i).forward(h);
            }
            skips[i] = h;
        }
        Tensor u = null;
        for (int i = depth - 1; i >= 0; i--) {
            Tensor a = i == depth - 1 ? skips[i] : torch.cat(new TensorVector(skips[i], u), 1);
            u = up.get(i).forward(torch.relu(a));
            if (i == 0) {
                u = torch.tanh(u);
            } else {
                u = upNorm.get(i).forward(u);
                if (dropout[i]) {
                    u = torch.dropout(u, 0.5, is_training());
                }
            }
        }
        return Blocks.crop(u, h0, w0);
    }
}
