package org.jgan.core.data.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jgan.core.data.ImageDataset;

/** Small synthetic 28 x 28 "garments" with chosen brightness, size and texture, for the tests of this package. */
final class Garments {
    static final int S = 28;

    private Garments() {
    }

    /**
     * One image: a centred {@code w} x {@code h} rectangle on black whose pixels alternate (checkerboard) between
     * {@code base - amp} and {@code base + amp}.
     */
    static byte[] rect(int w, int h, int base, int amp) {
        byte[] px = new byte[S * S];
        int x0 = (S - w) / 2;
        int y0 = (S - h) / 2;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                px[y * S + x] = (byte) (((x + y) % 2 == 0) ? base - amp : base + amp);
            }
        }
        return px;
    }

    /**
     * {@code perClass} random garments for each of {@code classes} (at most 4) classes, labels interleaved. Class c
     * is brighter and larger the larger c is, so per-class cuts differ from global ones.
     */
    static ImageDataset dataset(int classes, int perClass, long seed) {
        Random r = new Random(seed);
        int n = classes * perClass;
        byte[] px = new byte[n * S * S];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels[i] = c;
            int w = 6 + c + r.nextInt(14);
            int h = 6 + c + r.nextInt(14);
            int base = 60 + 30 * c + r.nextInt(60);
            int amp = r.nextInt(40);
            System.arraycopy(rect(w, h, base, amp), 0, px, i * S * S, S * S);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(c == 0 ? "T-shirt/top" : "Class " + c);
        }
        return new ImageDataset("garments", 1, S, S, px, labels, names);
    }

    /** Images given as byte arrays with their labels, as a data set. */
    static ImageDataset of(List<byte[]> images, int[] labels, List<String> names) {
        byte[] px = new byte[images.size() * S * S];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, px, i * S * S, S * S);
        }
        return new ImageDataset("hand-made", 1, S, S, px, labels, names);
    }
}
