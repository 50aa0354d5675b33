package org.jgan.api.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jgan.core.data.ImageDataset;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.features.ClassifierFeatures;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.DatasetSource;

/**
 * A jgan classifier as a {@link ConfidenceJudge}: the softmax probability of each image's own label. It owns the
 * classifier's native memory: close it (try-with-resources).
 */
public final class ClassifierJudge implements ConfidenceJudge, AutoCloseable {
    private final ClassifierFeatures classifier;
    private final String name;

    private ClassifierJudge(ClassifierFeatures classifier, String name) {
        this.classifier = classifier;
        this.name = name;
    }

    /**
     * Judges with {@code classifier}, called {@code name} in messages; closing the judge closes the classifier.
     */
    public static ClassifierJudge of(ClassifierFeatures classifier, String name) {
        return new ClassifierJudge(classifier, name);
    }

    /** The built-in Fashion-MNIST classifier (trained on the full train split). */
    public static ClassifierJudge builtin() {
        try {
            return of(ClassifierFeatures.builtin(), "the built-in Fashion-MNIST classifier");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the built-in Fashion-MNIST classifier", e);
        }
    }

    /**
     * The small classifier of {@link AugmentExperiment}, trained here for about {@code steps} batches on
     * {@code real} alone, so that filtering brings no other data into an experiment.
     */
    public static ClassifierJudge trainedOn(ImageDataset real, int steps, long seed) {
        return of(ClassifierFeatures.of(AugmentExperiment.trainClassifier(real, null, steps, seed), "real-subset"),
                "a classifier trained on the real subset");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int classes() {
        return classifier.classes();
    }

    /**
     * The classifier's softmax probability of each image's own label.
     *
     * @throws org.jgan.core.data.DataException when the images' shape is not the classifier's
     */
    @Override
    public double[] confidence(ImageDataset images) {
        FeatureSet f = FeatureRunner.extract(classifier, new DatasetSource(images));
        double[] out = new double[images.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.probs()[i * f.classes() + images.labels()[i]];
        }
        return out;
    }

    @Override
    public void close() {
        classifier.close();
    }
}
