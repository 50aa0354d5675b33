package org.jgan.core.train;

import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.Pairing;

/**
 * What a variant needs to know about the data to size its networks. {@code numClasses} is 0 when unlabelled;
 * {@code pairing} is null for single images and says how the channels divide for image-to-image data.
 */
public record DataShape(int channels, int height, int width, int numClasses, Pairing pairing) {
    public DataShape(int channels, int height, int width, int numClasses) {
        this(channels, height, width, numClasses, null);
    }

    public static DataShape of(ImageDataset d) {
        return new DataShape(d.channels(), d.height(), d.width(), d.labelled() ? d.numClasses() : 0, d.pairing());
    }

    public long pixels() {
        return (long) channels * height * width;
    }
}
