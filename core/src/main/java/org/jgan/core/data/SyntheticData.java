package org.jgan.core.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Small generated image sets for tests and demos that must not depend on installed data: bright rectangles, bars and
 * crosses on a dark background, labelled by shape.
 */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** {@code n} grayscale images of {@code size} x {@code size}, three classes: block, horizontal bar, vertical bar. */
    public static ImageDataset shapes(int n, int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[n * size * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int cls = i % 3;
            labels[i] = cls;
            int len = size / 2 + rng.nextInt(size / 4);
            int thick = Math.max(2, size / 7);
            int w = cls == 1 ? len : cls == 2 ? thick : size / 3;
            int h = cls == 1 ? thick : cls == 2 ? len : size / 3;
            int x0 = rng.nextInt(size - w);
            int y0 = rng.nextInt(size - h);
            for (int y = y0; y < y0 + h; y++) {
                for (int x = x0; x < x0 + w; x++) {
                    px[i * size * size + y * size + x] = (byte) (200 + rng.nextInt(56));
                }
            }
        }
        return new ImageDataset("synthetic-shapes", 1, size, size, px, labels, List.of("block", "hbar", "vbar"));
    }
}
