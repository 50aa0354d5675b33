package org.jgan.models.text2image;

import org.jgan.core.nn.TextEncoder;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;
import org.jgan.engine.Convolutions;

/**
 * The text-to-image generator: DCGAN's layers (Radford et al. 2015) with every batch norm's scale and shift set by
 * the caption's sentence embedding ({@link TextBatchNorm}, DF-GAN's affine fusion, Tao et al. 2022), the embedding
 * made by the generator's own {@link TextEncoder} from the caption's word ids (trained with G, Reed et al. 2016).
 * With {@code text2image.midConv} a 3x3 convolution with its own text-conditioned norm sits between the two
 * transposed convolutions, so that the caption sets G's features once more before the last layer draws the pixels;
 * with {@code text2image.fineConv} the last transposed convolution makes text-normed features at the image's own
 * resolution and a 3x3 convolution draws the pixels from them.
 * z stays the only input of the first layer: a learned condition concatenated to z let cgan's generator ignore z
 * within a class, and a caption is a learned condition.
 */
public final class TextGenerator extends GanNet {
    private final TextEncoder text;
    private final long c0;
    private final long h0;
    private final long w0;
    private final LinearImpl fc;
    private final TextBatchNorm bn0;
    private final ConvLayer up1;
    private final TextBatchNorm bn1;
    /**
     * The last doubling: a 4x4 transposed convolution to the image, a 3x3 convolution of the doubled input to the
     * image ({@code resizeOutput}), or a 4x4 transposed convolution to {@code width} feature maps ({@code fineConv}).
     */
    private final ConvLayer up2;
    private final boolean resizeOutput;
    /** The caption's gain and offset of the last layer (null unless {@code text2image.fuseOutput}). */
    private final LinearImpl outGain;
    private final LinearImpl outShift;
    /** One more 3x3 layer at the second resolution, with its text-conditioned norm (null unless {@code midConv}). */
    private final ConvLayer mid;
    private final TextBatchNorm bnMid;
    /** The norm of the features at the image's resolution and the 3x3 layer that draws the pixels (fineConv). */
    private final TextBatchNorm bn2;
    private final ConvLayer out;

    public TextGenerator(int latentDim, int width, DataShape shape, Text2ImageConfig cfg, long textSeed) {
        if (shape.height() % 4 != 0 || shape.width() % 4 != 0) {
            throw new ConfigException("text2image makes images whose sides divide by 4, got " + shape.height() + "x"
                    + shape.width());
        }
        text = register_module("text", new TextEncoder(cfg.encoder(), textSeed));
        c0 = 4L * width;
        h0 = shape.height() / 4;
        w0 = shape.width() / 4;
        fc = register_module("fc", Layers.linear(latentDim, c0 * h0 * w0, false));
        bn0 = register_module("bn0", new TextBatchNorm(cfg.embedDim(), c0));
        up1 = register_module("up1", Layers.convT(c0, 2L * width, 4, 2, 1, 0, false));
        bn1 = register_module("bn1", new TextBatchNorm(cfg.embedDim(), 2L * width));
        resizeOutput = cfg.resizeOutput();
        up2 = register_module("up2", resizeOutput ? Layers.conv(2L * width, shape.channels(), 3, 1, 1, true)
                : cfg.fineConv() ? Layers.convT(2L * width, width, 4, 2, 1, 0, false)
                : Layers.convT(2L * width, shape.channels(), 4, 2, 1, 0, true));
        mid = cfg.midConv() ? register_module("mid", Layers.conv(2L * width, 2L * width, 3, 1, 1, false)) : null;
        bnMid = cfg.midConv() ? register_module("bnMid", new TextBatchNorm(cfg.embedDim(), 2L * width)) : null;
        bn2 = cfg.fineConv() ? register_module("bn2", new TextBatchNorm(cfg.embedDim(), width)) : null;
        out = cfg.fineConv() ? register_module("out", Layers.conv(width, shape.channels(), 3, 1, 1, true)) : null;
        outGain = cfg.fuseOutput() ? register_module("outGain", Layers.linear(cfg.embedDim(), shape.channels(), true))
                : null;
        outShift = cfg.fuseOutput() ? register_module("outShift",
                Layers.linear(cfg.embedDim(), shape.channels(), true)) : null;
    }

    /** Starting weights of the text-conditioned norms; call after the generic initialiser, which misses them. */
    void initConditioning(long seed) {
        bn0.reset(seed);
        bn1.reset(seed + 1);
        if (bnMid != null) {
            bnMid.reset(seed + 2);
        }
        if (bn2 != null) {
            bn2.reset(seed + 3);
        }
        if (outGain != null) {
            // Zero: the last layer starts as it is without fusion, gain 1 and offset 0 for every caption, so the
            // image G first learns to draw is not a random per-caption contrast that D must first undo.
            try (NoGradGuard g = new NoGradGuard()) {
                for (LinearImpl l : new LinearImpl[] {outGain, outShift}) {
                    l.weight().zero_();
                    l.bias().zero_();
                }
            }
        }
    }

    /** G(z, caption): {@code tokens} are the captions' word ids, int64 [N, L]. */
    @Override
    public Tensor forward(Tensor z, Tensor tokens) {
        if (tokens == null) {
            throw new ConfigException("this generator draws from captions: give one caption (word ids) per latent");
        }
        return fromEmbedding(z, text.encode(tokens));
    }

    /** G(z, e) for sentence embeddings {@code e} [N, embedDim] made by this generator's encoder. */
    public Tensor fromEmbedding(Tensor z, Tensor e) {
        Tensor x = fc.forward(z).view(-1, c0, h0, w0);
        x = bn0.forward(x, e).relu();
        x = bn1.forward(up1.forward(x), e).relu();
        if (mid != null) {
            x = bnMid.forward(mid.forward(x), e).relu();
        }
        // resize-convolution as the transposed convolution it equals (Layers.doubledConvAsTransposed): the cost of
        // the 4x4 layer, where convolving the doubled map itself made a step 1.4 times as long
        Tensor y = resizeOutput ? Convolutions.convTranspose2d(x, Layers.doubledConvAsTransposed(up2.weight()),
                up2.bias(), 2, 1, 0) : up2.forward(x);
        if (out != null) {
            y = out.forward(bn2.forward(y, e).relu());
        }
        if (outGain != null) {
            long c = y.size(1);
            y = torch.addcmul(outShift.forward(e).view(-1, c, 1, 1), y,
                    outGain.forward(e).add(new Scalar(1.0)).view(-1, c, 1, 1));
        }
        return torch.tanh(y);
    }

    /** The generator's own text encoder. */
    public TextEncoder textEncoder() {
        return text;
    }
}
