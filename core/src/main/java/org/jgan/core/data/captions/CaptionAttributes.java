package org.jgan.core.data.captions;

import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;

/**
 * Measures the three {@link CaptionAttribute}s on a grayscale garment image (Fashion-MNIST: a light garment on a
 * black background). A pixel belongs to the garment when its value is above {@link #GARMENT_THRESHOLD}; the
 * measures are raw numbers, turned into levels by the per-class cut points of {@link CaptionThresholds}. Used to make
 * captions in the spirit of Reed et al. 2016, "Generative Adversarial Text to Image Synthesis".
 *
 * <p>Why texture as the third attribute: on the Fashion-MNIST train split, the bounding-box width/height ratio was
 * the other candidate, but Fashion-MNIST scales each garment so its longer side fills the frame, so the ratio takes
 * only 40-90 distinct values per class; the ties made per-class tertiles uneven (levels holding 20% to 59% of a
 * class) and the ratio followed size closely (mean within-class |r| = 0.67). The spread of garment pixel values has
 * a distinct value for every image, splits each class into even thirds, and varies apart from brightness and size
 * (mean within-class |r| = 0.30 and 0.23).
 */
public final class CaptionAttributes {
    /**
     * A pixel above this value (of 255) is garment, at or below it background. Fashion-MNIST's background is 0 but
     * the edges of the original product photos leave faint halos of small values; 16 keeps those out of size and
     * brightness while counting every visibly grey part of the garment.
     */
    public static final int GARMENT_THRESHOLD = 16;

    private CaptionAttributes() {
    }

    /**
     * The raw measures of one image, indexed by {@link CaptionAttribute#ordinal()}: mean garment value (0..255),
     * garment share of the frame (0..1), standard deviation of the garment values (0..119). An image with no
     * garment pixels measures 0 on all three, the lowest value each can take.
     */
    public static double[] measure(byte[] pixels, int offset, int count) {
        long n = 0;
        long sum = 0;
        long sumSq = 0;
        for (int i = offset; i < offset + count; i++) {
            int v = pixels[i] & 0xff;
            if (v > GARMENT_THRESHOLD) {
                n++;
                sum += v;
                sumSq += (long) v * v;
            }
        }
        if (n == 0) {
            return new double[CaptionAttribute.values().length];
        }
        double mean = (double) sum / n;
        // Population variance from integer sums: exact, and no second pass over the pixels.
        double var = Math.max(0, (double) sumSq / n - mean * mean);
        return new double[]{mean, (double) n / count, Math.sqrt(var)};
    }

    /** The measures of image {@code i} of a grayscale data set. */
    public static double[] measure(ImageDataset ds, int i) {
        requireGray(ds);
        return measure(ds.pixels(), i * ds.imageBytes(), ds.imageBytes());
    }

    /** The measures of every image of a grayscale data set, [image][attribute]. */
    public static double[][] measureAll(ImageDataset ds) {
        requireGray(ds);
        double[][] out = new double[ds.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = measure(ds.pixels(), i * ds.imageBytes(), ds.imageBytes());
        }
        return out;
    }

    static void requireGray(ImageDataset ds) {
        if (ds.channels() != 1 || ds.pairing() != null) {
            throw new DataException(ds.name() + ": caption attributes are measured on grayscale images (one "
                    + "channel, light garment on a dark background), got " + ds.channels() + " channels");
        }
    }
}
