package org.jgan.models.ctgan;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;

/**
 * CTGAN's critic (Xu et al. 2019): {@code pac} rows with their conditional vectors judged together (PacGAN, Lin et
 * al. 2018, so a generator that repeats itself is visible), through two layers of FC, LeakyReLU(0.2) and dropout
 * 0.5, to one WGAN score per pack. Its input is already packed: one pack per row, {@code pac * (row + condition)}
 * values ({@link TableActivations#pack}); it takes no labels.
 */
public final class PacDiscriminator extends GanNet {
    private final LinearImpl fc0;
    private final LinearImpl fc1;
    private final LinearImpl out;
    private static final double SLOPE = 0.2;

    public PacDiscriminator(int packedWidth, int width) {
        fc0 = register_module("fc0", Layers.linear(packedWidth, width, true));
        fc1 = register_module("fc1", Layers.linear(width, width, true));
        out = register_module("out", Layers.linear(width, 1, true));
    }

    @Override
    public Tensor forward(Tensor packs, Tensor unused) {
        // dropout draws from libtorch's global generator, which the loop seeds per step (exact resume)
        org.bytedeco.pytorch.Scalar slope = new org.bytedeco.pytorch.Scalar(SLOPE);
        Tensor h = torch.dropout(torch.leaky_relu(fc0.forward(packs), slope), 0.5, is_training());
        h = torch.dropout(torch.leaky_relu(fc1.forward(h), slope), 0.5, is_training());
        return out.forward(h);
    }
}
