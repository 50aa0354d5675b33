package org.jgan.metrics.text;

import org.bytedeco.pytorch.BatchNorm1dImpl;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.captions.Tokenizer;
import org.jgan.core.nn.Contrastive;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.Layers;
import org.jgan.core.nn.TextEncoder;
import org.jgan.core.nn.TextEncoderConfig;

/**
 * A judge of whether an image fits a caption, apart from any generator: an image encoder (two strided convolutions
 * and a linear map) and a text encoder ({@link TextEncoder}) into one space where matching pairs lie close, trained
 * contrastively on real pairs ({@link MatcherTraining}), in the role of AttnGAN's DAMSM encoders (Xu et al. 2018)
 * that R-precision ranks captions with. Both outputs are unit vectors; their dot product is the match score. It has
 * batch norms: train mode while training, eval mode (as {@link MatcherTraining} leaves it) for scoring.
 */
public final class ImageTextMatcher extends Module {
    /** Length of the shared embedding. */
    public static final int DIM = 64;
    private static final double SLOPE = 0.2;
    private final Tokenizer tokenizer;
    private final ConvLayer conv1;
    private final ConvLayer conv2;
    private final LinearImpl image;
    private final TextEncoder text;
    private final BatchNorm2dImpl norm1;
    private final BatchNorm2dImpl norm2;
    private final BatchNorm1dImpl imageOut;
    private final BatchNorm1dImpl textOut;

    /** A fresh matcher for images of {@code channels} x {@code height} x {@code width} and captions of {@code tokenizer}. */
    public ImageTextMatcher(Tokenizer tokenizer, int channels, int height, int width, long seed) {
        this.tokenizer = tokenizer;
        conv1 = register_module("conv1", Layers.conv(channels, 32, 4, 2, 1, true));
        conv2 = register_module("conv2", Layers.conv(32, 64, 4, 2, 1, true));
        image = register_module("image", Layers.linear(64L * (height / 4) * (width / 4), DIM, true));
        text = register_module("text", new TextEncoder(TextEncoderConfig.forTokenizer(tokenizer, DIM), seed));
        // Batch norms, the outputs' included: without them both towers start by mapping every input to nearly the
        // same vector (spread 0.02 across a batch) and contrastive training on varied batches collapsed them further
        // (measured: the loss stuck at log(batch)); centred outputs give every pair a distinct score from the start.
        norm1 = register_module("norm1", Layers.bn2d(32));
        norm2 = register_module("norm2", Layers.bn2d(64));
        imageOut = register_module("imageOut", Layers.bn1d(DIM));
        textOut = register_module("textOut", Layers.bn1d(DIM));
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Unit embeddings of images in [-1, 1], [N, {@value #DIM}]. */
    public Tensor images(Tensor x) {
        Tensor h = torch.leaky_relu(norm1.forward(conv1.forward(x)), new Scalar(SLOPE));
        h = torch.leaky_relu(norm2.forward(conv2.forward(h)), new Scalar(SLOPE));
        return Contrastive.unit(imageOut.forward(image.forward(h.flatten(1, -1))));
    }

    /** Unit embeddings of captions given as word ids [N, L]. */
    public Tensor texts(Tensor tokens) {
        return Contrastive.unit(textOut.forward(text.encode(tokens)));
    }
}
