package org.jgan.metrics.features;

import org.bytedeco.pytorch.Tensor;

/**
 * Maps images to the feature vectors that FID, KID and precision/recall compare (Heusel et al. 2017 use the pool
 * layer of InceptionV3; jgan's built-in choice for 28x28 grayscale data is the penultimate layer of its own
 * classifier), and, when it has a classifier head, to class probabilities for the Inception Score and class coverage.
 * Holds native weights: close it.
 */
public interface FeatureExtractor extends AutoCloseable {
    /** What to call it in results, e.g. "classifier:builtin" or "inception:/models/inception.pt". */
    String name();

    /** A short hash of the weights, so cached features are never reused across extractors. */
    String fingerprint();

    /** Dimension of the features. */
    int dim();

    /** Number of classes of the probability output, or 0 when the extractor has none. */
    int classes();

    /** Images per batch: as many as keep libtorch busy without large activations (InceptionV3 runs at 299 x 299). */
    default int batchSize() {
        return 250;
    }

    /** Throws a DataException naming {@code input} when images of this shape cannot be used. */
    void check(String input, int channels, int height, int width);

    /**
     * Features (N x {@link #dim()}) and class probabilities (N x {@link #classes()}, or null) of a batch of images
     * given as float32 N x C x H x W pixel values in [0, 255]. Call under a NoGradGuard inside a StepScope; the
     * results belong to that scope.
     */
    Output apply(Tensor pixels);

    /** Features and (possibly null) class probabilities of one batch. */
    record Output(Tensor features, Tensor probs) {
    }

    @Override
    void close();
}
