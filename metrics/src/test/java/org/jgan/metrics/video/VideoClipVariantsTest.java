package org.jgan.metrics.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.jgan.core.data.clips.Clips;
import org.junit.jupiter.api.Test;

/** The shuffled and repeated baselines keep every frame's content and change only the order. */
class VideoClipVariantsTest {
    /** n clips of t frames of 2 x 2 pixels; clip i's frame f is filled with 10 i + f, and so is its trajectory. */
    private static Clips numbered(int n, int t) {
        byte[] px = new byte[n * t * 4];
        float[] traj = new float[n * t * 2];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < t; f++) {
                Arrays.fill(px, (i * t + f) * 4, (i * t + f + 1) * 4, (byte) (10 * i + f));
                traj[(i * t + f) * 2] = 10 * i + f;
                traj[(i * t + f) * 2 + 1] = -(10 * i + f);
            }
        }
        return new Clips("numbered", 1, t, 2, 2, px, new int[n], List.of("a", "b"), traj, 1);
    }

    private static int frame(Clips c, int i, int f) {
        return c.pixels()[(i * c.frames() + f) * 4] & 0xff;
    }

    @Test
    void shuffledKeepsEachClipsFramesInANewOrder() {
        Clips c = numbered(20, 6);
        Clips s = ClipVariants.shuffledInTime(c, 7);
        for (int i = 0; i < c.size(); i++) {
            int[] frames = new int[6];
            boolean moved = false;
            for (int f = 0; f < 6; f++) {
                frames[f] = frame(s, i, f);
                moved |= frames[f] != frame(c, i, f);
                assertEquals(frames[f], s.trajectory(i)[2 * f], 0f, "the trajectory follows its frame");
            }
            assertFalse(!moved, "clip " + i + " kept its order");
            int[] sorted = frames.clone();
            Arrays.sort(sorted);
            assertArrayEquals(new int[]{10 * i, 10 * i + 1, 10 * i + 2, 10 * i + 3, 10 * i + 4, 10 * i + 5}, sorted);
        }
        assertArrayEquals(s.pixels(), ClipVariants.shuffledInTime(c, 7).pixels(), "seeded");
        Clips two = ClipVariants.shuffledInTime(numbered(5, 2), 1);
        for (int i = 0; i < 5; i++) {
            assertEquals(10 * i + 1, frame(two, i, 0), "two frames can only be swapped");
        }
    }

    @Test
    void repeatedHoldsTheFirstFrame() {
        Clips r = ClipVariants.repeatedFirstFrame(numbered(3, 4));
        for (int i = 0; i < 3; i++) {
            for (int f = 0; f < 4; f++) {
                assertEquals(10 * i, frame(r, i, f));
            }
        }
        assertEquals("numbered first frame repeated", r.name());
    }
}
