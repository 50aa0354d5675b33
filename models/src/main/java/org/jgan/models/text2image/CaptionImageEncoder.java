package org.jgan.models.text2image;

import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.Contrastive;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;

/**
 * The image side of text2image's contrastive pretraining, in the role of AttnGAN's DAMSM image encoder (Xu et al.
 * 2018, "AttnGAN"): two strided convolutions with batch norm and a linear map to the sentence embedding's length. The
 * text encoders of G and D learn to meet its embeddings ({@link CaptionPretraining}). With the matching term on
 * ({@code text2image.matchWeight} above 0) it goes on learning on real pairs all run and scores G's fakes against
 * their captions; otherwise nothing reads it after pretraining, but it stays in the run's checkpoints so that
 * resuming inside the pretraining steps is exact. The {@code labels} argument of {@link #forward} is ignored: it
 * embeds images alone.
 */
public final class CaptionImageEncoder extends GanNet {
    private final ConvLayer conv1;
    private final BatchNorm2dImpl norm1;
    private final ConvLayer conv2;
    private final BatchNorm2dImpl norm2;
    private final LinearImpl out;

    public CaptionImageEncoder(DataShape shape, int embedDim) {
        conv1 = register_module("conv1", Layers.conv(shape.channels(), 32, 4, 2, 1, true));
        norm1 = register_module("norm1", Layers.bn2d(32));
        conv2 = register_module("conv2", Layers.conv(32, 64, 4, 2, 1, true));
        norm2 = register_module("norm2", Layers.bn2d(64));
        out = register_module("out", Layers.linear(64L * (shape.height() / 4) * (shape.width() / 4), embedDim,
                true));
    }

    /** Unit embeddings [N, embedDim] of images [N, C, H, W] in [-1, 1], standardised over the batch first. */
    @Override
    public Tensor forward(Tensor x, Tensor labels) {
        Tensor h = torch.leaky_relu(norm1.forward(conv1.forward(x)), new Scalar(0.2));
        h = torch.leaky_relu(norm2.forward(conv2.forward(h)), new Scalar(0.2));
        return Contrastive.unit(Contrastive.standardized(out.forward(h.flatten(1, -1))));
    }
}
