package org.jgan.metrics.classifier;

import org.bytedeco.pytorch.BatchNorm1dImpl;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.Layers;

/**
 * The small CNN jgan trains as its feature extractor for 28x28 grayscale data: three blocks of 3x3 convolution, batch
 * norm, ReLU and 2x2 max pooling (32, 64, 128 channels), then a dense layer of {@value #FEATURES} units (batch norm,
 * ReLU) whose output is the feature vector, and a linear layer to the class logits.
 *
 * <p>Why this size: FID needs a feature space that separates the classes and the styles within them; a classifier
 * that reaches ~93% on Fashion-MNIST does, costs ~15 MFLOP per image (10,000 images in a few seconds on two cores), and
 * its weights fit in about a megabyte. No dropout, so training is deterministic given the seed and thread count.
 * Inputs are jgan's image convention: N x C x H x W in [-1, 1].
 */
public final class ClassifierNet extends Module {
    /** Width of the penultimate layer, i.e. the dimension of the features. */
    public static final int FEATURES = 128;
    private final ConvLayer c1;
    private final ConvLayer c2;
    private final ConvLayer c3;
    private final BatchNorm2dImpl b1;
    private final BatchNorm2dImpl b2;
    private final BatchNorm2dImpl b3;
    private final LinearImpl fc1;
    private final BatchNorm1dImpl bf;
    private final LinearImpl fc2;
    private final ClassifierShape shape;

    public ClassifierNet(ClassifierShape shape) {
        this.shape = shape;
        c1 = register_module("c1", Layers.conv(shape.channels(), 32, 3, 1, 1, false));
        b1 = register_module("b1", Layers.bn2d(32));
        c2 = register_module("c2", Layers.conv(32, 64, 3, 1, 1, false));
        b2 = register_module("b2", Layers.bn2d(64));
        c3 = register_module("c3", Layers.conv(64, 128, 3, 1, 1, false));
        b3 = register_module("b3", Layers.bn2d(128));
        long flat = 128L * (shape.height() / 8) * (shape.width() / 8);
        fc1 = register_module("fc1", Layers.linear(flat, FEATURES, false));
        bf = register_module("bf", Layers.bn1d(FEATURES));
        fc2 = register_module("fc2", Layers.linear(FEATURES, shape.classes(), true));
    }

    public ClassifierShape shape() {
        return shape;
    }

    /** The penultimate activations, N x {@value #FEATURES}. */
    public Tensor features(Tensor x) {
        Tensor h = block(contentFeatures(x), c3, b3);
        return torch.relu(bf.forward(fc1.forward(h.flatten(1, -1))));
    }

    /**
     * The second block's map, N x 64 x H/4 x W/4 (7 x 7 for 28 x 28 inputs): mid-level features that still say where
     * things are, the kind SRGAN's content loss compares (Ledig et al. 2017 take VGG19's conv5_4, likewise before
     * the network pools space away).
     */
    public Tensor contentFeatures(Tensor x) {
        return block(block(x, c1, b1), c2, b2);
    }

    /** Class logits from features computed by {@link #features}. */
    public Tensor logits(Tensor features) {
        return fc2.forward(features);
    }

    public Tensor forward(Tensor x) {
        return logits(features(x));
    }

    private static Tensor block(Tensor x, ConvLayer conv, BatchNorm2dImpl bn) {
        if (org.jgan.core.nn.BatchNormFold.applies(bn)) {
            // Inference: one pass fewer over every feature map
            Tensor[] wb = org.jgan.core.nn.BatchNormFold.into(conv, bn);
            return org.jgan.engine.MaxPool.twoByTwo(torch.relu(conv.forward(x, wb[0], wb[1])));
        }
        return org.jgan.engine.MaxPool.twoByTwo(torch.relu(bn.forward(conv.forward(x))));
    }
}
