package org.jgan.models.srgan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.nn.SnConv2d;
import org.jgan.models.i2i.Blocks;

/**
 * SRGAN's discriminator (Ledig et al. 2017): eight 3x3 convolutions of w, w, 2w, 2w, 4w, 4w, 8w, 8w channels,
 * alternately stride 1 and 2, LeakyReLU 0.2 and batch norm (not after the first), then a dense layer of 16w units,
 * LeakyReLU, and one logit. The paper flattens a fixed 6x6 map of 96x96 crops; global average pooling before the
 * dense layers lets one network judge any image size.
 */
public final class SrDiscriminator extends GanNet {
    private final List<UnaryOperator<Tensor>> convs = new ArrayList<>();
    private final LinearImpl fc1;
    private final LinearImpl fc2;

    public SrDiscriminator(long channels, int width, boolean batchNorm, boolean sn, long seed) {
        long prev = channels;
        for (int i = 0; i < 8; i++) {
            long out = (long) width << (i / 2);
            long stride = i % 2 == 1 ? 2 : 1;
            boolean normed = i > 0 && batchNorm;
            UnaryOperator<Tensor> conv = sn
                    ? register_module("conv" + i, new SnConv2d(prev, out, 3, stride, 1, !normed, seed + i))::forward
                    : register_module("conv" + i, Layers.conv(prev, out, 3, stride, 1, !normed))::forward;
            if (normed) {
                BatchNorm2dImpl bn = register_module("norm" + i, Layers.bn2d(out));
                convs.add(x -> Blocks.lrelu(bn.forward(conv.apply(x))));
            } else {
                convs.add(x -> Blocks.lrelu(conv.apply(x)));
            }
            prev = out;
        }
        fc1 = register_module("fc1", Layers.linear(prev, 16L * width, true));
        fc2 = register_module("fc2", Layers.linear(16L * width, 1, true));
    }

    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        Tensor h = x;
        for (UnaryOperator<Tensor> c : convs) {
            h = c.apply(h);
        }
        h = torch.adaptive_avg_pool2d(h, 1, 1).flatten(1, -1);
        return fc2.forward(Blocks.lrelu(fc1.forward(h))).view(-1);
    }
}
