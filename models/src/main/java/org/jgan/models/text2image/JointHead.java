package org.jgan.models.text2image;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.Layers;

/**
 * GAN-CLS's joint image-text head (Reed et al. 2016, "Generative Adversarial Text to Image Synthesis", section 4.1):
 * the sentence embedding, projected to the channels of D's last feature map, is added at every position of that map
 * (which equals joining it depth-wise and convolving 1x1, without building the joined map), then a leaky ReLU and a
 * linear layer give one logit. The text discriminator adds it to its projection's logit ({@code
 * text2image.jointHead}): a projection is linear in D's features, so its verdict on a caption can only rise or fall
 * with what a feature measures, while the hidden layer here, where the caption shifts each unit's threshold, can
 * favour a band of it, such as the middle level of an attribute.
 */
final class JointHead extends Module {
    private static final double SLOPE = 0.2;
    private final ConvLayer map;
    private final LinearImpl text;
    private final LinearImpl out;
    private final long channels;
    private final long height;
    private final long width;

    /** For a feature map of {@code channels x height x width} and sentence embeddings of {@code embedDim}. */
    JointHead(long channels, long height, long width, long embedDim) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        map = register_module("map", Layers.conv(channels, channels, 1, 1, 0, true));
        text = register_module("text", Layers.linear(embedDim, channels, false));
        out = register_module("out", Layers.linear(channels * height * width, 1, true));
    }

    /**
     * The joint logit, N.
     *
     * @param phi D's flattened last feature map, N x (channels * height * width), channel-major as
     *            {@code flatten} of an N x C x H x W map leaves it
     * @param e   sentence embeddings, N x embedDim
     */
    Tensor forward(Tensor phi, Tensor e) {
        long n = phi.size(0);
        Tensor h = map.forward(phi.view(n, channels, height, width)).add(text.forward(e).view(n, channels, 1, 1));
        return out.forward(torch.leaky_relu(h, new Scalar(SLOPE)).flatten(1, -1)).view(-1);
    }
}
