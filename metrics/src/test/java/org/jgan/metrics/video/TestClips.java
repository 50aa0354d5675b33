package org.jgan.metrics.video;

import java.util.List;
import org.jgan.core.data.clips.ClipSources;
import org.jgan.core.data.clips.Clips;
import org.jgan.core.data.clips.MotionSpec;

/** Test helpers: clips with hand-made motion, and real moving Fashion-MNIST clips. */
final class TestClips {
    private TestClips() {
    }

    /**
     * One grayscale clip of {@code size} x {@code size} frames with a {@code side} x {@code side} square of brightness
     * {@code values[t]} whose top-left corner is at ({@code xs[t]}, {@code ys[t]}) in frame t, on a background of
     * {@code background}.
     */
    static Clips square(int size, int side, int[] xs, int[] ys, int[] values, int background) {
        int t = xs.length;
        byte[] px = new byte[t * size * size];
        java.util.Arrays.fill(px, (byte) background);
        for (int f = 0; f < t; f++) {
            for (int y = ys[f]; y < ys[f] + side; y++) {
                for (int x = xs[f]; x < xs[f] + side; x++) {
                    px[f * size * size + y * size + x] = (byte) values[f];
                }
            }
        }
        return new Clips("square", 1, t, size, size, px, null, List.of(), null, 0);
    }

    /** A square of brightness 200 on black. */
    static Clips square(int size, int side, int[] xs, int[] ys) {
        int[] v = new int[xs.length];
        java.util.Arrays.fill(v, 200);
        return square(size, side, xs, ys, v, 0);
    }

    /** The first {@code n} clips of a split of moving Fashion-MNIST (standard spec), in memory. */
    static Clips real(String split, int n) {
        return ClipSources.open(ClipSources.MOVING_FASHION_MNIST + ":" + split, MotionSpec.standard()).head(n);
    }
}
