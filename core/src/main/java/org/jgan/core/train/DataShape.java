package org.jgan.core.train;

import java.util.List;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.Pairing;
import org.jgan.core.data.table.OutputSpan;

/**
 * What a variant needs to know about the data to size its networks. {@code numClasses} is 0 when unlabelled;
 * {@code pairing} is null for single images and says how the channels divide for image-to-image data; {@code spans}
 * is null for images and, for table rows, lays out the row vector (its width is {@code channels}, height and width
 * are 1), so a tabular generator knows which activation writes each stretch.
 */
public record DataShape(int channels, int height, int width, int numClasses, Pairing pairing,
                        List<OutputSpan> spans) {
    public DataShape {
        spans = spans == null ? null : List.copyOf(spans);
    }

    public DataShape(int channels, int height, int width, int numClasses, Pairing pairing) {
        this(channels, height, width, numClasses, pairing, null);
    }

    public DataShape(int channels, int height, int width, int numClasses) {
        this(channels, height, width, numClasses, null, null);
    }

    public static DataShape of(ImageDataset d) {
        return new DataShape(d.channels(), d.height(), d.width(), d.labelled() ? d.numClasses() : 0, d.pairing());
    }

    /** The shape of table rows encoded as vectors laid out by {@code spans} (in order, without gaps). */
    public static DataShape table(List<OutputSpan> spans) {
        int width = spans.isEmpty() ? 0 : spans.get(spans.size() - 1).end();
        return new DataShape(width, 1, 1, 0, null, spans);
    }

    public long pixels() {
        return (long) channels * height * width;
    }
}
