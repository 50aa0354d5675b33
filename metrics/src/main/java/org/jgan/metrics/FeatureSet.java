package org.jgan.metrics;

import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.DataException;
import org.jgan.engine.Tensors;

/**
 * The features of a set of images, and their class probabilities when the extractor has a classifier head: the input
 * of every metric. Plain Java memory (10,000 x 2048 floats is 80 MB), so nothing needs closing.
 *
 * @param source    where the images came from, named in messages
 * @param extractor the feature extractor's name
 * @param count     number of images
 * @param dim       feature dimension
 * @param features  count x dim, row-major
 * @param classes   number of classes of {@code probs}, 0 when there are none
 * @param probs     count x classes softmax outputs, or null
 */
public record FeatureSet(String source, String extractor, int count, int dim, float[] features, int classes,
                         float[] probs) {
    public FeatureSet {
        if (count < 1 || (long) count * dim != features.length) {
            throw new IllegalArgumentException(source + ": " + features.length + " feature values for " + count
                    + " x " + dim);
        }
        if (probs != null && (long) count * classes != probs.length) {
            throw new IllegalArgumentException(source + ": " + probs.length + " probabilities for " + count + " x "
                    + classes);
        }
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new DataException(source + ": the features of image " + (i / dim) + " are not finite ("
                        + features[i] + "); the images or the feature extractor (" + extractor + ") produced NaN or "
                        + "infinite values");
            }
        }
    }

    public boolean hasProbs() {
        return probs != null;
    }

    /** The features as a float32 count x dim tensor in the current scope. */
    public Tensor featuresTensor() {
        return Tensors.fromFloats(features, count, dim);
    }

    /** The probabilities as a float32 count x classes tensor in the current scope. */
    public Tensor probsTensor() {
        if (probs == null) {
            throw new IllegalStateException(source + ": the " + extractor + " features have no class probabilities");
        }
        return Tensors.fromFloats(probs, count, classes);
    }

    /** The rows at {@code idx}. */
    public FeatureSet subset(int[] idx, String name) {
        float[] f = new float[idx.length * dim];
        float[] p = probs == null ? null : new float[idx.length * classes];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(features, idx[i] * dim, f, i * dim, dim);
            if (p != null) {
                System.arraycopy(probs, idx[i] * classes, p, i * classes, classes);
            }
        }
        return new FeatureSet(name, extractor, idx.length, dim, f, classes, p);
    }

    /** The first {@code n} rows. */
    public FeatureSet head(int n) {
        return n >= count ? this : subset(java.util.stream.IntStream.range(0, n).toArray(), source + "[:" + n + "]");
    }
}
