package org.jgan.models.mocogan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mocogan.placement=pixel}: when sampling, shifts rounded to whole pixels and frames exact copies of the canvas;
 * training as with sub-pixel placement.
 */
class WholePixelWarpTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void shiftsRoundToWholePixelsAndGradientsPassStraightThrough() {
        try (StepScope s = StepScope.open()) {
            Tensor shift = Tensors.fromFloats(new float[]{0.01f, -0.03f, 0.5f, 0.3f}, 2, 2);
            shift.set_requires_grad(true);
            Tensor snapped = WarpVideoGenerator.wholePixels(shift, 48);  // 24 pixels per half-frame
            assertArrayEquals(new float[]{0, -1 / 24f, 0.5f, 7 / 24f}, Tensors.toFloats(snapped.contiguous()), 1e-7f);
            snapped.mul(Tensors.fromFloats(new float[]{1, 2, 3, 4}, 2, 2)).sum().backward();
            assertArrayEquals(new float[]{1, 2, 3, 4}, Tensors.toFloats(shift.grad().contiguous()), 0f);
        }
    }

    /** The largest difference between the frame and the canvas moved by (dx, dy) whole pixels, inside the canvas. */
    private static double error(float[] frame, float[] canvas, int dx, int dy) {
        double worst = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                int cx = x - 8 - dx;  // the canvas's 32 pixels sit 8 pixels in from the frame's edges at no shift
                int cy = y - 8 - dy;
                if (cx >= 0 && cx < 32 && cy >= 0 && cy < 32) {
                    worst = Math.max(worst, Math.abs(frame[y * 48 + x] - canvas[cy * 32 + cx]));
                }
            }
        }
        return worst;
    }

    /** The canvas of the bouncing generator (32 pixels in a 48-pixel frame) through its warp at {@code shift}. */
    private static float[] frame(Tensor canvas, float sx, float sy, boolean whole) {
        Tensor shift = Tensors.fromFloats(new float[]{sx / 24f, sy / 24f}, 1, 2);
        Tensor theta = WarpVideoGenerator.similarity(whole ? WarpVideoGenerator.wholePixels(shift, 48) : shift,
                torch.zeros(1, 2)).mul(new Scalar(48.0 / 32));
        Tensor grid = torch.affine_grid_generator(theta, new long[]{1, 1, 48, 48}, false);
        return Tensors.toFloats(torch.grid_sampler(canvas, grid, 0, 0, false).contiguous());
    }

    @Test
    void wholePixelFramesAreExactCopiesOfTheCanvas() {
        try (StepScope s = StepScope.open()) {
            Tensor canvas = torch.rand(1, 1, 32, 32);
            float[] c = Tensors.toFloats(canvas.contiguous());
            float[] whole = frame(canvas, 3.4f, -2.2f, true);
            float[] sub = frame(canvas, 3.4f, -2.2f, false);
            double best = Double.MAX_VALUE;
            int[] at = null;
            for (int dy = -4; dy <= 4; dy++) {
                for (int dx = -4; dx <= 4; dx++) {
                    double e = error(whole, c, dx, dy);
                    if (e < best) {
                        best = e;
                        at = new int[]{dx, dy};
                    }
                    assertTrue(error(sub, c, dx, dy) > 0.01, "a sub-pixel shift blends pixels at every offset");
                }
            }
            assertEquals(0, best, 1e-5, "a copy of the canvas");
            assertEquals(3, Math.abs(at[0]), "3.4 pixels rounds to 3");
            assertEquals(2, Math.abs(at[1]), "-2.2 pixels rounds to -2");
        }
    }

    /** A bouncing generator of {@code placement}, shading its frames, its weights drawn from seed 5. */
    private static WarpVideoGenerator generator(String placement) {
        return generator(placement, true);
    }

    private static WarpVideoGenerator generator(String placement, boolean shade) {
        MoCoGanConfig c = new MoCoGanConfig(4, 48, 1, 1, 2, 12, 6, 2, "bounce", true, "transposed", placement,
                shade);
        torch.manual_seed(5);
        return new WarpVideoGenerator(20, 8, 1, 4, 48, 0, c);
    }

    /** Clips of z from seed 6, in training or sampling mode. */
    private static float[] clips(WarpVideoGenerator g, boolean training) {
        g.train(training);
        try (StepScope s = StepScope.open()) {
            torch.manual_seed(6);
            return Tensors.toFloats(g.forward(torch.randn(2, 20), null).contiguous());
        }
    }

    @Test
    void onlySamplingSnapsToWholePixels() {
        try (WarpVideoGenerator sub = generator("subpixel"); WarpVideoGenerator whole = generator("pixel")) {
            assertArrayEquals(clips(sub, true), clips(whole, true), 0f, "training warps sub-pixel either way");
            float[] a = clips(sub, false);
            float[] b = clips(whole, false);
            double diff = 0;
            for (int i = 0; i < a.length; i++) {
                diff = Math.max(diff, Math.abs(a[i] - b[i]));
            }
            assertTrue(diff > 1e-3, "sampling snaps the randomly started warps: " + diff);
        }
    }

    /**
     * The largest difference, over the best whole-pixel shift within 10, between frame {@code f} of clip {@code k}
     * (clips 2 x 1 x 4 x 48 x 48) and the clip's first frame, where both pixels lie in the frame.
     */
    private static double copyError(float[] clips, int k, int f) {
        int first = k * 4 * 48 * 48;
        int at = first + f * 48 * 48;
        double best = Double.MAX_VALUE;
        for (int dy = -10; dy <= 10; dy++) {
            for (int dx = -10; dx <= 10; dx++) {
                double worst = 0;
                for (int y = Math.max(0, dy); y < Math.min(48, 48 + dy); y++) {
                    for (int x = Math.max(0, dx); x < Math.min(48, 48 + dx); x++) {
                        float moved = clips[first + (y - dy) * 48 + x - dx];
                        worst = Math.max(worst, Math.abs(clips[at + y * 48 + x] - moved));
                    }
                }
                best = Math.min(best, worst);
            }
        }
        return best;
    }

    @Test
    void unshadedFramesAreTheFirstFrameMoved() {
        try (WarpVideoGenerator plain = generator("pixel", false); WarpVideoGenerator shaded = generator("pixel")) {
            float[] a = clips(plain, false);
            float[] b = clips(shaded, false);
            double shading = 0;
            for (int k = 0; k < 2; k++) {
                for (int f = 1; f < 4; f++) {
                    assertEquals(0, copyError(a, k, f), 1e-5, "clip " + k + ", frame " + f);
                    shading = Math.max(shading, copyError(b, k, f));
                }
            }
            assertTrue(shading > 1e-3, "the randomly started shading changes some frame: " + shading);
        }
    }
}
