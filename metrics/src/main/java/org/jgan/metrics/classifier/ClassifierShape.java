package org.jgan.metrics.classifier;

import org.jgan.core.config.ConfigException;

/**
 * What a {@link ClassifierNet} takes and predicts: C x H x W images and a number of classes. Stored with the weights,
 * so a classifier file says what it was built for.
 */
public record ClassifierShape(int channels, int height, int width, int classes) {
    public ClassifierShape {
        if (channels != 1 && channels != 3) {
            throw new ConfigException("classifier: images must have 1 or 3 channels, got " + channels);
        }
        if (height < 8 || width < 8) {
            throw new ConfigException("classifier: images must be at least 8x8 (three 2x2 poolings), got "
                    + height + "x" + width);
        }
        if (classes < 2) {
            throw new ConfigException("classifier: needs labelled data with at least 2 classes, got " + classes);
        }
    }

    /** "1x28x28", as used in messages. */
    public String imageShape() {
        return channels + "x" + height + "x" + width;
    }
}
