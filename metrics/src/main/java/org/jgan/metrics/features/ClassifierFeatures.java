package org.jgan.metrics.features;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.DataException;
import org.jgan.metrics.classifier.ClassifierFile;
import org.jgan.metrics.classifier.ClassifierNet;
import org.jgan.metrics.classifier.ClassifierShape;

/**
 * Features from a jgan {@link ClassifierNet}: its 128-unit penultimate layer, and its softmax for the Inception Score
 * (Salimans et al. 2016) and class coverage. The built-in one was trained on the Fashion-MNIST train split
 * ({@code jgan classifier train}, see docs/results.md) and ships inside the metrics jar.
 */
public final class ClassifierFeatures implements FeatureExtractor {
    /** Class-path location of the built-in Fashion-MNIST classifier. */
    public static final String BUILTIN_RESOURCE = "/org/jgan/metrics/fmnist-classifier.pt";
    private static final double SCALE = 127.5;
    private final ClassifierNet net;
    private final String name;
    private final String fingerprint;
    private final double testAccuracy;

    private ClassifierFeatures(ClassifierFile.Loaded loaded, String name, String fingerprint) {
        this.net = loaded.net();
        this.name = name;
        this.fingerprint = fingerprint;
        this.testAccuracy = loaded.testAccuracy();
    }

    /**
     * A classifier trained in this process and never saved (e.g. the filter of an augmentation experiment, trained on
     * the experiment's own real images); closing the result closes {@code net}.
     */
    public static ClassifierFeatures of(ClassifierNet net, String name) {
        return new ClassifierFeatures(new ClassifierFile.Loaded(net, Double.NaN), "classifier:" + name,
                "unsaved:" + name);
    }

    /** The built-in Fashion-MNIST classifier. */
    public static ClassifierFeatures builtin() throws IOException {
        return new ClassifierFeatures(ClassifierFile.loadResource(BUILTIN_RESOURCE), "classifier:builtin",
                Fingerprints.ofResource(BUILTIN_RESOURCE));
    }

    /** A classifier file written by {@code jgan classifier train}. */
    public static ClassifierFeatures load(Path file) throws IOException {
        return new ClassifierFeatures(ClassifierFile.load(file), "classifier:" + file, Fingerprints.ofFile(file));
    }

    /** The network itself, e.g. to export its weights; it stays owned by this extractor. */
    public ClassifierNet net() {
        return net;
    }

    /** Test accuracy recorded when the classifier was trained (NaN when unknown). */
    public double testAccuracy() {
        return testAccuracy;
    }

    public ClassifierShape shape() {
        return net.shape();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public int dim() {
        return ClassifierNet.FEATURES;
    }

    @Override
    public int classes() {
        return net.shape().classes();
    }

    @Override
    public int batchSize() {
        return 500;
    }

    @Override
    public void check(String input, int channels, int height, int width) {
        ClassifierShape s = net.shape();
        if (channels != s.channels() || height != s.height() || width != s.width()) {
            throw new DataException(input + ": images are " + channels + "x" + height + "x" + width + " but the "
                    + name + " feature extractor takes " + s.imageShape() + " images"
                    + (channels == 3 ? "; for RGB data use the inception:PATH extractor" : "")
                    + "; or train a classifier for this data with 'jgan classifier train'");
        }
    }

    @Override
    public Output apply(Tensor pixels) {
        // Same arithmetic as training's Batches.images (b / 127.5 - 1 in float32), so inputs match bit for bit.
        Tensor f = net.features(pixels.div(new Scalar(SCALE)).sub(new Scalar(1.0)));
        return new Output(f, torch.softmax(net.logits(f), 1));
    }

    @Override
    public void close() {
        net.close();
    }
}
