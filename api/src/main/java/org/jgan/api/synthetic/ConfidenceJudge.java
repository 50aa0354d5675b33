package org.jgan.api.synthetic;

import org.jgan.core.data.ImageDataset;

/**
 * Says how sure it is that each image shows its own label: the judge of a {@link ConfidenceFilter}. Usually a
 * classifier ({@link ClassifierJudge}); any scoring works, e.g. a stand-in with known answers in tests.
 */
public interface ConfidenceJudge {
    /** The judge in words, for messages (e.g. "the built-in Fashion-MNIST classifier"). */
    String name();

    /** How many classes the judge tells apart. */
    int classes();

    /**
     * The probability, in [0, 1], that image {@code i} of {@code images} belongs to class {@code images.labels()[i]};
     * one value per image.
     */
    double[] confidence(ImageDataset images);
}
