package org.jgan.models.srgan;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.PReLUImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;

/**
 * SRGAN's generator, SRResNet (Ledig et al. 2017): a 9x9 convolution and PReLU, B residual blocks (3x3 conv, batch
 * norm, PReLU, 3x3 conv, batch norm, plus the block's input), a 3x3 conv and batch norm added to the output of the
 * first layer, then one sub-pixel upsampling stage per factor of 2 (3x3 conv to 4w channels, pixel shuffle x2, PReLU;
 * Shi et al. 2016) and a 9x9 convolution to the image, tanh for jgan's [-1, 1] range. The paper uses B = 16, w = 64.
 * Fully convolutional: an h x w input gives a (scale h) x (scale w) output.
 */
public final class SrResNet extends GanNet {
    private final int scale;
    private final ConvLayer head;
    private final PReLUImpl headAct;
    private final List<Block> blocks = new ArrayList<>();
    private final ConvLayer mid;
    private final BatchNorm2dImpl midNorm;
    private final List<ConvLayer> upConv = new ArrayList<>();
    private final List<PReLUImpl> upAct = new ArrayList<>();
    private final ConvLayer tail;

    public SrResNet(long channels, int width, int nBlocks, int scale) {
        if (scale != 2 && scale != 4) {
            throw new IllegalArgumentException("SRResNet upscales by 2 or 4, got " + scale);
        }
        this.scale = scale;
        long w = width;
        head = register_module("head", Layers.conv(channels, w, 9, 1, 4, true));
        headAct = register_module("headAct", new PReLUImpl());
        for (int i = 0; i < nBlocks; i++) {
            blocks.add(new Block(
                register_module("block" + i + "a", Layers.conv(w, w, 3, 1, 1, false)),
                register_module("block" + i + "aNorm", Layers.bn2d(w)),
                register_module("block" + i + "act", new PReLUImpl()),
                register_module("block" + i + "b", Layers.conv(w, w, 3, 1, 1, false)),
                register_module("block" + i + "bNorm", Layers.bn2d(w))));
        }
        mid = register_module("mid", Layers.conv(w, w, 3, 1, 1, false));
        midNorm = register_module("midNorm", Layers.bn2d(w));
        for (int i = 0; i < Integer.numberOfTrailingZeros(scale); i++) {
            upConv.add(register_module("up" + i, Layers.conv(w, 4 * w, 3, 1, 1, true)));
            upAct.add(register_module("upAct" + i, new PReLUImpl()));
        }
        tail = register_module("tail", Layers.conv(w, channels, 9, 1, 4, true));
    }

    private record Block(ConvLayer a, BatchNorm2dImpl aNorm, PReLUImpl act, ConvLayer b, BatchNorm2dImpl bNorm) {
    }

    public int scale() {
        return scale;
    }

    @Override
    public Tensor forward(Tensor lowRes, Tensor labels) {
        Tensor first = headAct.forward(head.forward(lowRes));
        Tensor h = first;
        for (Block b : blocks) {
            Tensor r = b.act().forward(b.aNorm().forward(b.a().forward(h)));
            h = h.add(b.bNorm().forward(b.b().forward(r)));
        }
        h = midNorm.forward(mid.forward(h)).add(first);
        for (int i = 0; i < upConv.size(); i++) {
            h = upAct.get(i).forward(torch.pixel_shuffle(upConv.get(i).forward(h), 2));
        }
        return torch.tanh(tail.forward(h));
    }
}
