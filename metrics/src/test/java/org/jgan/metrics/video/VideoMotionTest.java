package org.jgan.metrics.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.jgan.core.data.clips.Clips;
import org.junit.jupiter.api.Test;

/** Centres of mass, speeds, turns and static clips on clips whose motion is known. */
class VideoMotionTest {
    @Test
    void squareMovingInAStraightLine() {
        int[] xs = {3, 5, 7, 9, 11, 13};
        int[] ys = {4, 5, 6, 7, 8, 9};
        Motion m = Motion.of(TestClips.square(32, 4, xs, ys));
        for (int t = 0; t < xs.length; t++) {
            assertArrayEquals(new double[]{xs[t] + 1.5, ys[t] + 1.5}, m.centre(0, t), 1e-12, "frame " + t);
        }
        double[] speeds = new double[5];
        Arrays.fill(speeds, Math.sqrt(5));
        assertArrayEquals(speeds, m.speeds(), 1e-12);
        assertArrayEquals(new double[4], m.directionChanges(), 1e-12, "no turns on a straight line");
        assertEquals(Math.sqrt(5), m.meanSpeed(), 1e-12);
        assertEquals(0, m.staticClips());
        double[] h = m.speedHistogram();
        assertEquals(1.0, h[4], 1e-12, "sqrt(5) = 2.24 falls in [2, 2.5)");
    }

    @Test
    void aReversalIsAHalfTurnAndStillStepsHaveNoDirection() {
        Motion bounce = Motion.of(TestClips.square(32, 4, new int[]{10, 13, 16, 13, 10}, new int[]{5, 5, 5, 5, 5}));
        assertArrayEquals(new double[]{3, 3, 3, 3}, bounce.speeds(), 1e-12);
        assertArrayEquals(new double[]{0, 180, 0}, bounce.directionChanges(), 1e-12);
        Motion pause = Motion.of(TestClips.square(32, 4, new int[]{10, 10, 12, 14}, new int[]{5, 5, 5, 5}));
        assertArrayEquals(new double[]{0, 2, 2}, pause.speeds(), 1e-12);
        assertArrayEquals(new double[]{0}, pause.directionChanges(), 1e-12, "the turn out of the pause is skipped");
    }

    @Test
    void faintBackgroundDoesNotPullTheCentreAndABlankFrameSitsInTheMiddle() {
        int[] xs = {3, 20};
        int[] ys = {4, 9};
        Clips noisy = TestClips.square(32, 4, xs, ys, new int[]{200, 200}, Motion.BACKGROUND);
        assertArrayEquals(new double[]{4.5, 5.5}, Motion.of(noisy).centre(0, 0), 1e-12);
        Clips blank = TestClips.square(32, 4, xs, ys, new int[]{0, 200}, 0);
        assertArrayEquals(new double[]{15.5, 15.5}, Motion.of(blank).centre(0, 0), 1e-12);
    }

    @Test
    void staticMeansAllCentresWithinOnePixel() {
        int[] still = {8, 8, 8, 8};
        Clips flicker = TestClips.square(32, 4, still, still, new int[]{100, 250, 60, 180}, 0);
        assertEquals(1, Motion.of(flicker).staticClips(), "brightness changes, position does not");
        Clips nudged = TestClips.square(32, 4, new int[]{8, 8, 9, 8}, still);
        assertEquals(0, Motion.of(nudged).staticClips(), "one pixel apart is not within one pixel");
        assertEquals(0.0, Motion.of(nudged).staticShare(), 0.0);
    }

    @Test
    void realClipsMoveAsTheirRecordedTrajectories() {
        Clips real = TestClips.real("test", 32);
        Motion m = Motion.of(real);
        int t = real.frames();
        for (int i = 0; i < real.size(); i++) {
            float[] traj = real.trajectory(i);
            for (int k = 1; k < t; k++) {
                double expected = Math.hypot(traj[2 * k] - traj[2 * k - 2], traj[2 * k + 1] - traj[2 * k - 1]);
                // whole-pixel moves of a whole garment shift the (thresholded) centre by exactly the same amount
                assertEquals(expected, m.speeds()[i * (t - 1) + k - 1], 1e-4, "clip " + i + " frame " + k);
            }
        }
        assertEquals(0.0, m.staticShare(), 0.0);
        assertEquals(1.0, Arrays.stream(m.speedHistogram()).sum(), 1e-9);
    }
}
