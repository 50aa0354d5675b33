package org.jgan.metrics.video;

import java.util.Arrays;
import org.jgan.core.data.DataException;
import org.jgan.core.data.clips.ClipSource;

/**
 * How the content of clips moves, read from the pixels alone (no model): per frame the centre of mass of the
 * brightness, then per clip the speeds and turns of that centre. The measures MoCoGAN's motion (Tulyakov et al. 2018)
 * should reproduce on moving Fashion-MNIST, where each clip is a garment moving at constant speed and bouncing off the
 * edges. Definitions (docs/video-metrics.md):
 * <ul>
 *   <li>centre of mass of a frame: the mean of the pixel coordinates (x, y) weighted by
 *       {@code max(0, v - }{@value #BACKGROUND}{@code )}, v the pixel value 0..255 averaged over channels, so faint
 *       background noise of a generator does not pull the centre to the middle; a frame with no weight has its centre
 *       at the middle of the frame;</li>
 *   <li>speed: the distance between the centres of successive frames, in pixels per frame (T - 1 per clip);</li>
 *   <li>direction change: the angle in degrees, 0..180, between successive displacements, counted only where both
 *       are longer than {@value #MIN_STEP} pixels (a turn of a still centre is noise);</li>
 *   <li>static clip: one whose centres all lie within {@value #STATIC_EXTENT} pixel of each other (the largest
 *       distance between the centres of any two frames is below it).</li>
 * </ul>
 *
 * @param source           the clips' name
 * @param clips            number of clips
 * @param frames           frames per clip
 * @param centres          N x T x 2 centres of mass (x, y) in pixels
 * @param speeds           all speeds, clip by clip, N x (T - 1)
 * @param directionChanges all direction changes, clip by clip (as many as qualify)
 * @param staticClips      number of static clips
 */
public record Motion(String source, int clips, int frames, double[] centres, double[] speeds,
                     double[] directionChanges, int staticClips) {
    /** Pixel values at or below this (of 255) weigh nothing in a centre of mass. */
    public static final int BACKGROUND = 16;
    /** Displacements this short or shorter have no direction. */
    public static final double MIN_STEP = 0.5;
    /** A clip whose centres of mass all lie closer together than this (pixels) is static. */
    public static final double STATIC_EXTENT = 1.0;
    /** Width of the bins of {@link #speedHistogram}, pixels per frame. */
    public static final double SPEED_BIN = 0.5;
    /** Bins of {@link #speedHistogram}; the last one also holds every faster step. */
    public static final int SPEED_BINS = 12;

    /** The motion of every clip of {@code source}. */
    public static Motion of(ClipSource source) {
        int n = source.size();
        int t = source.frames();
        if (n < 1) {
            throw new DataException(source.name() + ": no clips to measure motion in");
        }
        double[] centres = new double[n * t * 2];
        double[] speeds = new double[n * (t - 1)];
        double[] turns = new double[n * Math.max(0, t - 2)];
        int turnCount = 0;
        int still = 0;
        byte[] px = new byte[source.clipBytes()];
        for (int i = 0; i < n; i++) {
            source.render(i, px, 0);
            double[] c = centres(px, source.channels(), t, source.height(), source.width());
            System.arraycopy(c, 0, centres, i * t * 2, c.length);
            for (int k = 1; k < t; k++) {
                speeds[i * (t - 1) + k - 1] = Math.hypot(c[2 * k] - c[2 * k - 2], c[2 * k + 1] - c[2 * k - 1]);
            }
            for (int k = 1; k + 1 < t; k++) {
                double turn = turn(c, k);
                if (!Double.isNaN(turn)) {
                    turns[turnCount++] = turn;
                }
            }
            still += extent(c) < STATIC_EXTENT ? 1 : 0;
        }
        return new Motion(source.name(), n, t, centres, speeds, Arrays.copyOf(turns, turnCount), still);
    }

    /**
     * The centre of mass (x, y) of each frame of one clip given as C x T x H x W unsigned bytes: T x 2 values, as
     * defined above.
     */
    public static double[] centres(byte[] clip, int channels, int frames, int height, int width) {
        double[] out = new double[frames * 2];
        int plane = height * width;
        for (int t = 0; t < frames; t++) {
            double m = 0;
            double sx = 0;
            double sy = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int v = 0;
                    for (int c = 0; c < channels; c++) {
                        v += clip[(c * frames + t) * plane + y * width + x] & 0xff;
                    }
                    double w = Math.max(0.0, (double) v / channels - BACKGROUND);
                    m += w;
                    sx += w * x;
                    sy += w * y;
                }
            }
            out[2 * t] = m > 0 ? sx / m : (width - 1) / 2.0;
            out[2 * t + 1] = m > 0 ? sy / m : (height - 1) / 2.0;
        }
        return out;
    }

    /** Share of the clips that are static. */
    public double staticShare() {
        return (double) staticClips / clips;
    }

    /** Mean speed over all steps of all clips, pixels per frame. */
    public double meanSpeed() {
        return Arrays.stream(speeds).average().orElse(Double.NaN);
    }

    /**
     * Share of the speeds in each bin of {@value #SPEED_BIN} pixels per frame from 0; the last bin also counts every
     * faster step.
     */
    public double[] speedHistogram() {
        long[] counts = new long[SPEED_BINS];
        for (double s : speeds) {
            counts[Math.min(SPEED_BINS - 1, (int) (s / SPEED_BIN))]++;
        }
        double[] h = new double[SPEED_BINS];
        for (int i = 0; i < h.length; i++) {
            h[i] = (double) counts[i] / speeds.length;
        }
        return h;
    }

    /** The centre of clip {@code i} at frame {@code t}: {x, y}. */
    public double[] centre(int i, int t) {
        int at = (i * frames + t) * 2;
        return new double[]{centres[at], centres[at + 1]};
    }

    /** The angle between the displacements into and out of frame {@code k}, or NaN when either is too short. */
    private static double turn(double[] c, int k) {
        double ax = c[2 * k] - c[2 * k - 2];
        double ay = c[2 * k + 1] - c[2 * k - 1];
        double bx = c[2 * k + 2] - c[2 * k];
        double by = c[2 * k + 3] - c[2 * k + 1];
        if (Math.hypot(ax, ay) <= MIN_STEP || Math.hypot(bx, by) <= MIN_STEP) {
            return Double.NaN;
        }
        // atan2(|a x b|, a . b), not acos of the cosine: acos loses half its digits near 0 and 180 degrees
        return Math.toDegrees(Math.atan2(Math.abs(ax * by - ay * bx), ax * bx + ay * by));
    }

    /** The largest distance between the centres of any two frames. */
    private static double extent(double[] c) {
        double max = 0;
        for (int a = 0; a < c.length; a += 2) {
            for (int b = a + 2; b < c.length; b += 2) {
                max = Math.max(max, Math.hypot(c[a] - c[b], c[a + 1] - c[b + 1]));
            }
        }
        return max;
    }
}
