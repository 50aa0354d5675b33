package org.jgan.core.data.clips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.junit.jupiter.api.Test;

/**
 * Proves that moving Fashion-MNIST clips are the same whenever they are rendered, that the recorded trajectory is
 * what the pixels show, that garments stay inside the frame and move at the speeds the {@link MotionSpec} allows, and
 * that the spec refuses impossible motion. Synthetic 28x28 garments stand in for Fashion-MNIST, so only the last test
 * needs it installed.
 */
class MovingFashionMnistTest {
    static final int G = MotionSpec.GARMENT;
    static final long SEED = 1234;

    /** {@code n} soft elliptical blobs of random place, size and brightness, labelled i % classes. */
    static ImageDataset garments(int n, int classes, long seed, boolean samePerClass) {
        byte[] px = new byte[n * G * G];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            SplittableRandom r = new SplittableRandom(seed * 1000 + (samePerClass ? labels[i] : i));
            double cx = 6 + r.nextDouble() * 15;
            double cy = 6 + r.nextDouble() * 15;
            double rx = 3 + r.nextDouble() * 4;
            double ry = 3 + r.nextDouble() * 4;
            int peak = 80 + r.nextInt(176);
            for (int y = 0; y < G; y++) {
                for (int x = 0; x < G; x++) {
                    double d = Math.pow((x - cx) / rx, 2) + Math.pow((y - cy) / ry, 2);
                    px[i * G * G + y * G + x] = (byte) Math.round(peak * Math.max(0, 1 - d));
                }
            }
        }
        List<String> names = java.util.stream.IntStream.range(0, classes).mapToObj(c -> "class" + c).toList();
        return new ImageDataset("blobs", 1, G, G, px, labels, names);
    }

    /** Centre of mass (x, y) and mass of a {@code w}-wide gray image at {@code offset}. */
    static double[] centre(byte[] px, int offset, int h, int w) {
        double m = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = px[offset + y * w + x] & 0xff;
                m += v;
                sx += v * x;
                sy += v * y;
            }
        }
        return new double[]{sx / m, sy / m, m};
    }

    static byte[] render(ClipSource s, int i) {
        byte[] b = new byte[s.clipBytes()];
        s.render(i, b, 0);
        return b;
    }

    @Test
    void clipsAreTheSameEveryTimeTheyAreRendered() {
        ImageDataset data = garments(20, 10, 1, false);
        MovingFashionMnist a = new MovingFashionMnist(data, MotionSpec.standard(), SEED, "a");
        MovingFashionMnist b = new MovingFashionMnist(garments(20, 10, 1, false), MotionSpec.standard(), SEED, "b");
        MovingFashionMnist other = new MovingFashionMnist(data, MotionSpec.standard(), SEED + 1, "c");
        boolean differs = false;
        for (int i = 0; i < data.size(); i++) {
            assertArrayEquals(render(a, i), render(a, i), "clip " + i + " rendered twice");
            assertArrayEquals(render(a, i), render(b, i), "clip " + i + " of two sources");
            assertArrayEquals(a.trajectory(i), b.trajectory(i), "trajectory " + i);
            differs |= !Arrays.equals(render(a, i), render(other, i));
        }
        assertTrue(differs, "another seed moves the garments differently");
        // rendering at an offset, and holding clips in memory, give the same bytes
        byte[] wide = new byte[3 * a.clipBytes()];
        a.render(5, wide, a.clipBytes());
        assertArrayEquals(render(a, 5), Arrays.copyOfRange(wide, a.clipBytes(), 2 * a.clipBytes()));
        Clips held = a.head(6);
        assertEquals(6, held.size());
        assertArrayEquals(render(a, 5), render(held, 5));
        assertArrayEquals(a.trajectory(5), held.trajectory(5));
        assertEquals(a.label(5), held.label(5));
    }

    @Test
    void trajectoryIsWhereThePixelsAreAndGarmentsStayInside() {
        ImageDataset data = garments(40, 10, 2, false);
        MotionSpec spec = MotionSpec.standard();
        MovingFashionMnist clips = new MovingFashionMnist(data, spec, SEED, "blobs");
        int s = spec.size();
        int room = s - G;
        assertEquals(1, clips.channels());
        assertEquals(1, clips.objects());
        assertEquals(data.classNames(), clips.classNames());
        for (int i = 0; i < clips.size(); i++) {
            assertEquals(data.labels()[i], clips.label(i), "clip " + i + " is labelled with its garment's class");
            double[] own = centre(data.pixels(), i * G * G, G, G);
            byte[] px = render(clips, i);
            float[] traj = clips.trajectory(i);
            assertEquals(spec.frames() * 2, traj.length);
            for (int t = 0; t < spec.frames(); t++) {
                double[] c = centre(px, t * s * s, s, s);
                String where = "clip " + i + " frame " + t;
                assertEquals(traj[2 * t], c[0], 1e-3, where + " x");
                assertEquals(traj[2 * t + 1], c[1], 1e-3, where + " y");
                assertEquals(own[2], c[2], 0, where + ": the whole garment is in the frame");
                double x0 = traj[2 * t] - own[0];
                double y0 = traj[2 * t + 1] - own[1];
                assertEquals(Math.round(x0), x0, 1e-3, where + ": drawn at a whole pixel");
                assertEquals(Math.round(y0), y0, 1e-3, where + ": drawn at a whole pixel");
                assertTrue(x0 > -1e-3 && x0 < room + 1e-3 && y0 > -1e-3 && y0 < room + 1e-3, where + " inside");
            }
        }
    }

    @Test
    void garmentsMoveAtTheAllowedSpeeds() {
        MotionSpec spec = new MotionSpec(16, 64, 1, 1.0, 3.0);
        ImageDataset data = garments(40, 10, 3, false);
        MovingFashionMnist clips = new MovingFashionMnist(data, spec, SEED, "blobs");
        int room = spec.size() - G;
        // A step can bounce only when it starts within the maximum speed of an edge.
        int margin = (int) Math.ceil(spec.maxSpeed()) + 1;
        // Each axis rounds by up to half a pixel at each end of a step, so a step is off by at most sqrt(2) pixels.
        double slack = Math.sqrt(2);
        int checked = 0;
        for (int i = 0; i < clips.size(); i++) {
            double[] own = centre(data.pixels(), i * G * G, G, G);
            float[] traj = clips.trajectory(i);
            for (int t = 0; t + 1 < spec.frames(); t++) {
                double x0 = traj[2 * t] - own[0];
                double y0 = traj[2 * t + 1] - own[1];
                if (x0 < margin || x0 > room - margin || y0 < margin || y0 > room - margin) {
                    continue;
                }
                double step = Math.hypot(traj[2 * t + 2] - traj[2 * t], traj[2 * t + 3] - traj[2 * t + 1]);
                assertTrue(step >= spec.minSpeed() - slack && step <= spec.maxSpeed() + slack,
                        "clip " + i + " frame " + t + " moved " + step + " pixels");
                checked++;
            }
        }
        assertTrue(checked > 100, "only " + checked + " steps away from the edges");
    }

    @Test
    void twoGarmentsOfOneClassMoveTogether() {
        // Every garment of a class is the same blob, so the second garment's pixels are known.
        ImageDataset data = garments(20, 2, 4, true);
        MotionSpec spec = new MotionSpec(8, 128, 2, 1.0, 3.0);
        MovingFashionMnist clips = new MovingFashionMnist(data, spec, SEED, "pairs");
        assertEquals(2, clips.objects());
        int s = spec.size();
        int apart = 0;
        for (int i = 0; i < clips.size(); i++) {
            double[] own = centre(data.pixels(), i * G * G, G, G);
            byte[] px = render(clips, i);
            float[] traj = clips.trajectory(i);
            assertEquals(spec.frames() * 2 * 2, traj.length);
            for (int t = 0; t < spec.frames(); t++) {
                double[] c = centre(px, t * s * s, s, s);
                double ax = traj[4 * t] - own[0];
                double ay = traj[4 * t + 1] - own[1];
                double bx = traj[4 * t + 2] - own[0];
                double by = traj[4 * t + 3] - own[1];
                for (double v : new double[]{ax, ay, bx, by}) {
                    assertTrue(v > -1e-3 && v < s - G + 1e-3, "clip " + i + " frame " + t + " inside");
                }
                if (Math.abs(ax - bx) >= G || Math.abs(ay - by) >= G) {
                    // Apart, each garment shows whole: twice the mass, centred between the two.
                    String where = "clip " + i + " frame " + t;
                    assertEquals(2 * own[2], c[2], 0, where + " mass");
                    assertEquals((traj[4 * t] + traj[4 * t + 2]) / 2, c[0], 1e-3, where + " x");
                    assertEquals((traj[4 * t + 1] + traj[4 * t + 3]) / 2, c[1], 1e-3, where + " y");
                    apart++;
                } else {
                    assertTrue(c[2] >= own[2] && c[2] <= 2 * own[2], "overlapping garments keep the brighter pixel");
                }
            }
        }
        assertTrue(apart > 20, "only " + apart + " frames with the garments apart");
    }

    @Test
    void motionSpecRefusesImpossibleMotion() {
        assertRefused(() -> new MotionSpec(1, 48, 1, 1, 3), "clips need 2 to 64 frames, got 1");
        assertRefused(() -> new MotionSpec(65, 48, 1, 1, 3), "clips need 2 to 64 frames, got 65");
        assertRefused(() -> new MotionSpec(16, 28, 1, 1, 3), "above 28 and at most 128 pixels, got 28");
        assertRefused(() -> new MotionSpec(16, 50, 1, 1, 3), "must be a multiple of 8");
        assertRefused(() -> new MotionSpec(16, 136, 1, 1, 3), "got 136");
        assertRefused(() -> new MotionSpec(16, 48, 3, 1, 3), "clips hold 1 or 2 garments, got 3");
        assertRefused(() -> new MotionSpec(16, 48, 0, 1, 3), "clips hold 1 or 2 garments, got 0");
        assertRefused(() -> new MotionSpec(16, 48, 1, -1, 3), "0 <= minimum <= maximum <= 20 pixels per frame, "
                + "got -1.0 to 3.0");
        assertRefused(() -> new MotionSpec(16, 48, 1, 3, 2), "got 3.0 to 2.0");
        assertRefused(() -> new MotionSpec(16, 48, 1, 1, 21), "<= 20 pixels per frame, got 1.0 to 21.0");
        MotionSpec standard = MotionSpec.standard();
        assertEquals(new MotionSpec(16, 48, 1, 1.0, 3.0), standard);
    }

    static void assertRefused(Runnable make, String part) {
        String m = assertThrows(ConfigException.class, make::run).getMessage();
        assertTrue(m.contains(part), m);
    }

    @Test
    void installedFashionMnistMakesLabelledClips() {
        assumeTrue(Files.isDirectory(DataSources.fashionMnistDir()), "Fashion-MNIST is not installed");
        ClipSource clips = ClipSources.open("moving-fashion-mnist", MotionSpec.standard());
        assertEquals("moving-fashion-mnist:train", clips.name());
        assertEquals(60000, clips.size());
        assertEquals(16, clips.frames());
        assertEquals(48, clips.height());
        assertEquals(48, clips.width());
        assertEquals(1, clips.channels());
        assertTrue(clips.labelled());
        assertEquals(DataSources.FASHION_MNIST_CLASSES, clips.classNames());
        for (int i : new int[]{0, 1, 59999}) {
            byte[] px = render(clips, i);
            float[] traj = clips.trajectory(i);
            for (int t = 0; t < clips.frames(); t++) {
                double[] c = centre(px, t * 48 * 48, 48, 48);
                assertEquals(traj[2 * t], c[0], 1e-3, "clip " + i + " frame " + t);
                assertEquals(traj[2 * t + 1], c[1], 1e-3, "clip " + i + " frame " + t);
            }
        }
        assertFalse(Arrays.equals(render(clips, 0), render(clips, 1)));
    }
}
