package org.jgan.metrics.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.GanNet;
import org.jgan.engine.StepScope;
import org.jgan.metrics.features.ClassifierFeatures;

/**
 * A jgan classifier as the fixed feature network of SRGAN's content loss (Ledig et al. 2017): forward returns
 * {@link ClassifierNet#contentFeatures}, the second block's 64-channel map, of images in [-1, 1].
 *
 * <p>The classifier is held, not registered as a sub-module: the training loop switches its networks between train
 * and eval mode, and a registered classifier would then update its batch-norm statistics on super-resolved images.
 * So it stays in eval mode, its weights are frozen (gradients flow through it to the generator only) and its
 * checkpoint entry is empty; the weights live in the metrics jar.
 */
public final class ClassifierFeatureNet extends GanNet {
    /** What {@code i2i.featureNet} calls the built-in classifier. */
    public static final String BUILTIN = "classifier";
    private final ClassifierNet net;

    private ClassifierFeatureNet(ClassifierNet net) {
        this.net = net;
        net.eval();
        try (StepScope scope = StepScope.open()) {
            TensorVector p = net.parameters(true);
            for (long i = 0; i < p.size(); i++) {
                p.get(i).set_requires_grad(false);
            }
        }
    }

    /**
     * The built-in Fashion-MNIST classifier, for training images of {@code channels} x {@code height} x {@code width}
     * (after any crop); a ConfigException saying what to do instead when it does not take that shape.
     */
    public static ClassifierFeatureNet builtin(int channels, int height, int width) {
        ClassifierFile.Loaded c;
        try {
            c = ClassifierFile.loadResource(ClassifierFeatures.BUILTIN_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClassifierShape s = c.net().shape();
        if (channels != s.channels() || height != s.height() || width != s.width()) {
            c.net().close();
            throw new ConfigException("i2i.featureNet=" + BUILTIN + ": jgan's built-in classifier takes "
                    + s.imageShape() + " images (Fashion-MNIST) but this run trains on " + channels + "x" + height
                    + "x" + width + (channels != s.channels() ? " (" + (channels == 3 ? "RGB" : channels + "-channel")
                    + ")" : "") + " images; give the path of a TorchScript feature network for this data, or none");
        }
        return new ClassifierFeatureNet(c.net());
    }

    public ClassifierNet classifier() {
        return net;
    }

    /** The content features of {@code images}; differentiable with respect to the images. */
    @Override
    public Tensor forward(Tensor images, Tensor labels) {
        return net.contentFeatures(images);
    }

    @Override
    public void close() {
        net.close();
        super.close();
    }
}
