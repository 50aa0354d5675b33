package org.jgan.core.data.clips;

import java.util.List;
import java.util.SplittableRandom;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.Seeds;

/**
 * Moving Fashion-MNIST: clips made from Fashion-MNIST images the way Moving MNIST (Srivastava et al. 2015) is made
 * from digits, and as MoCoGAN's and TGAN's experiments use it. Clip {@code i} shows garment {@code i} of the split (and,
 * with two garments, a second one of the same class) starting at a random position and moving in a straight line,
 * bouncing off the edges. Everything about clip {@code i} comes from (split seed, i), so a clip is the same whenever
 * and wherever it is rendered, and none is stored: a batch renders its clips when the trainer asks.
 *
 * <p>Garments are drawn at whole-pixel positions (the position rounded), so the recorded trajectory, the garment's
 * centre of mass, is exactly what the pixels show when garments do not overlap. Where two overlap, the brighter pixel
 * wins.
 */
public final class MovingFashionMnist implements ClipSource {
    private final ImageDataset garments;
    private final MotionSpec spec;
    private final long seed;
    private final String name;
    private final float[] massX;
    private final float[] massY;

    /** Clips from {@code garments} (28x28 grayscale, labelled), made as {@code spec} says, seeded by {@code seed}. */
    public MovingFashionMnist(ImageDataset garments, MotionSpec spec, long seed, String name) {
        if (garments.channels() != 1 || garments.height() != MotionSpec.GARMENT
                || garments.width() != MotionSpec.GARMENT) {
            throw new org.jgan.core.data.DataException(garments.name() + ": moving clips are made of 28x28 grayscale "
                    + "images, got " + garments.channels() + "x" + garments.height() + "x" + garments.width());
        }
        this.garments = garments;
        this.spec = spec;
        this.seed = seed;
        this.name = name;
        int n = garments.size();
        massX = new float[n];
        massY = new float[n];
        int g = MotionSpec.GARMENT;
        byte[] px = garments.pixels();
        for (int i = 0; i < n; i++) {
            double m = 0;
            double sx = 0;
            double sy = 0;
            for (int y = 0; y < g; y++) {
                for (int x = 0; x < g; x++) {
                    int v = px[i * g * g + y * g + x] & 0xff;
                    m += v;
                    sx += v * x;
                    sy += v * y;
                }
            }
            massX[i] = m > 0 ? (float) (sx / m) : (g - 1) / 2f;
            massY[i] = m > 0 ? (float) (sy / m) : (g - 1) / 2f;
        }
    }

    /** How the clips are made. */
    public MotionSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return garments.size();
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public int frames() {
        return spec.frames();
    }

    @Override
    public int height() {
        return spec.size();
    }

    @Override
    public int width() {
        return spec.size();
    }

    @Override
    public int label(int i) {
        return garments.labels() == null ? -1 : garments.labels()[i];
    }

    @Override
    public List<String> classNames() {
        return garments.classNames();
    }

    @Override
    public int objects() {
        return spec.garments();
    }

    @Override
    public void render(int i, byte[] dst, int offset) {
        Motion m = motion(i);
        int s = spec.size();
        int g = MotionSpec.GARMENT;
        java.util.Arrays.fill(dst, offset, offset + clipBytes(), (byte) 0);
        byte[] px = garments.pixels();
        for (int t = 0; t < spec.frames(); t++) {
            int frame = offset + t * s * s;
            for (int k = 0; k < m.images.length; k++) {
                int x0 = m.x[t][k];
                int y0 = m.y[t][k];
                int src = m.images[k] * g * g;
                for (int y = 0; y < g; y++) {
                    for (int x = 0; x < g; x++) {
                        int at = frame + (y0 + y) * s + x0 + x;
                        int v = px[src + y * g + x] & 0xff;
                        if (v > (dst[at] & 0xff)) {
                            dst[at] = (byte) v;
                        }
                    }
                }
            }
        }
    }

    @Override
    public float[] trajectory(int i) {
        Motion m = motion(i);
        int k = m.images.length;
        float[] out = new float[spec.frames() * k * 2];
        for (int t = 0; t < spec.frames(); t++) {
            for (int j = 0; j < k; j++) {
                out[(t * k + j) * 2] = m.x[t][j] + massX[m.images[j]];
                out[(t * k + j) * 2 + 1] = m.y[t][j] + massY[m.images[j]];
            }
        }
        return out;
    }

    /** The garments of clip {@code i} and their top-left corners per frame. */
    private record Motion(int[] images, int[][] x, int[][] y) {
    }

    private Motion motion(int i) {
        SplittableRandom r = new SplittableRandom(Seeds.derive(seed, "moving-clip", i));
        int k = spec.garments();
        int[] images = new int[k];
        images[0] = i;
        for (int j = 1; j < k; j++) {
            images[j] = sameClass(i, r);
        }
        double room = spec.size() - MotionSpec.GARMENT;
        int[][] xs = new int[spec.frames()][k];
        int[][] ys = new int[spec.frames()][k];
        for (int j = 0; j < k; j++) {
            double px = r.nextDouble() * room;
            double py = r.nextDouble() * room;
            double speed = spec.minSpeed() + r.nextDouble() * (spec.maxSpeed() - spec.minSpeed());
            double angle = r.nextDouble() * 2 * Math.PI;
            double vx = speed * Math.cos(angle);
            double vy = speed * Math.sin(angle);
            for (int t = 0; t < spec.frames(); t++) {
                xs[t][j] = (int) Math.round(px);
                ys[t][j] = (int) Math.round(py);
                px += vx;
                py += vy;
                // bounce: reflect the position and the velocity at each edge
                if (px < 0) {
                    px = -px;
                    vx = -vx;
                } else if (px > room) {
                    px = 2 * room - px;
                    vx = -vx;
                }
                if (py < 0) {
                    py = -py;
                    vy = -vy;
                } else if (py > room) {
                    py = 2 * room - py;
                    vy = -vy;
                }
            }
        }
        return new Motion(images, xs, ys);
    }

    /** Another garment of clip {@code i}'s class (any garment when unlabelled), drawn from {@code r}. */
    private int sameClass(int i, SplittableRandom r) {
        int[] labels = garments.labels();
        int n = garments.size();
        for (int tries = 0; tries < 1000; tries++) {
            int j = r.nextInt(n);
            if (j != i && (labels == null || labels[j] == labels[i])) {
                return j;
            }
        }
        return (i + 1) % n;
    }
}
