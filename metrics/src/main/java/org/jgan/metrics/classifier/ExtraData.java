package org.jgan.metrics.classifier;

import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageDataset;

/**
 * A second labelled set mixed into every training batch of a {@link ClassifierTraining}: {@code perBatch} of its
 * images join each batch of the main set, and their cross-entropy is added with {@code weight}.
 *
 * <p>Why added rather than pooled: pooling K real images with 5 K synthetic ones and training for the same number of
 * steps shows each real image a sixth as often, so a synthetic set that is merely a little worse than the real one
 * already lowers accuracy. Added batches keep the real images' schedule identical to a real-only run (same order,
 * same augmentation draws), so any change in accuracy comes from the synthetic images themselves.
 *
 * @param data     labelled images with the main set's shape and classes
 * @param perBatch images of {@code data} per training batch
 * @param weight   factor on their mean cross-entropy
 */
public record ExtraData(ImageDataset data, int perBatch, double weight) {
    public ExtraData {
        if (data == null || !data.labelled()) {
            throw new ConfigException("extra classifier data must be a labelled data set");
        }
        if (perBatch < 1 || perBatch > data.size()) {
            throw new ConfigException("extra images per batch must be in 1.." + data.size() + " (the size of "
                    + data.name() + "), got " + perBatch);
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new ConfigException("the weight of extra images must be positive and finite, got " + weight);
        }
    }
}
