package org.jgan.models.cyclegan;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.models.i2i.Blocks;
import org.jgan.models.i2i.ChannelMap;

/**
 * CycleGAN's generator (Zhu et al. 2017, after Johnson et al. 2016): c7s1-w, d2w, d4w, R4w x blocks, u2w, uw,
 * c7s1-C with reflection padding, instance normalisation and ReLU, tanh at the end. The paper uses 9 blocks at 256x256
 * and 6 at 128x128. Inputs whose sides are not multiples of 4 are padded and the output cropped back.
 */
public final class ResnetGenerator extends GanNet implements ChannelMap {
    private final int in;
    private final int out;
    private final ConvLayer head;
    private final ConvLayer down1;
    private final ConvLayer down2;
    private final List<ConvLayer[]> blocks = new ArrayList<>();
    private final ConvLayer up1;
    private final ConvLayer up2;
    private final ConvLayer tail;

    public ResnetGenerator(int in, int out, int width, int nBlocks) {
        this.in = in;
        this.out = out;
        long w = width;
        // Biases stay: instance norm without affine parameters does not absorb them as batch norm would.
        head = register_module("head", Layers.conv(in, w, 7, 1, 0, true));
        down1 = register_module("down1", Layers.conv(w, 2 * w, 3, 2, 1, true));
        down2 = register_module("down2", Layers.conv(2 * w, 4 * w, 3, 2, 1, true));
        for (int i = 0; i < nBlocks; i++) {
            blocks.add(new ConvLayer[]{
                register_module("block" + i + "a", Layers.conv(4 * w, 4 * w, 3, 1, 0, true)),
                register_module("block" + i + "b", Layers.conv(4 * w, 4 * w, 3, 1, 0, true))});
        }
        up1 = register_module("up1", Layers.convT(4 * w, 2 * w, 3, 2, 1, 1, true));
        up2 = register_module("up2", Layers.convT(2 * w, w, 3, 2, 1, 1, true));
        tail = register_module("tail", Layers.conv(w, out, 7, 1, 0, true));
    }

    @Override
    public int inChannels() {
        return in;
    }

    @Override
    public int outChannels() {
        return out;
    }

    public int blocks() {
        return blocks.size();
    }

    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        long h0 = x.size(2);
        long w0 = x.size(3);
        Tensor h = Blocks.padTo(x, 4);
        h = torch.relu(Blocks.instanceNorm(head.forward(Blocks.reflect(h, 3))));
        h = torch.relu(Blocks.instanceNorm(down1.forward(h)));
        h = torch.relu(Blocks.instanceNorm(down2.forward(h)));
        for (ConvLayer[] b : blocks) {
            Tensor r = torch.relu(Blocks.instanceNorm(b[0].forward(Blocks.reflect(h, 1))));
            r = Blocks.instanceNorm(b[1].forward(Blocks.reflect(r, 1)));
            h = h.add(r);
        }
        h = torch.relu(Blocks.instanceNorm(up1.forward(h)));
        h = torch.relu(Blocks.instanceNorm(up2.forward(h)));
        h = torch.tanh(tail.forward(Blocks.reflect(h, 3)));
        return Blocks.crop(h, h0, w0);
    }
}
