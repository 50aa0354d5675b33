package org.jgan.core.train;

import org.jgan.core.data.ImageDataset;

/** What a variant needs to know about the data to size its networks. {@code numClasses} is 0 when unlabelled. */
public record DataShape(int channels, int height, int width, int numClasses) {
    public static DataShape of(ImageDataset d) {
        return new DataShape(d.channels(), d.height(), d.width(), d.labelled() ? d.numClasses() : 0);
    }

    public long pixels() {
        return (long) channels * height * width;
    }
}
