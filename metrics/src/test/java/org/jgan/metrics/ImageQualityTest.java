package org.jgan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks L1, PSNR and SSIM against values worked out by hand and against a direct loop over window positions written
 * from Wang et al. 2004's formulas (the library computes SSIM with grouped convolutions instead).
 */
class ImageQualityTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    /** Pixels in [0, 1] to jgan's [-1, 1] tensor of shape n x c x h x w. */
    static Tensor tensor(double[] unit, long... shape) {
        float[] f = new float[unit.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (unit[i] * 2 - 1);
        }
        return Tensors.fromFloats(f, shape);
    }

    static double[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // multiples of 1/256 survive the float round trip exactly
            v[i] = r.nextInt(256) / 256.0;
        }
        return v;
    }

    @Test
    void l1AndPsnrByHand() {
        try (StepScope s = StepScope.open()) {
            double[] a = new double[16];
            double[] b = new double[16];
            for (int i = 0; i < 16; i++) {
                b[i] = i < 4 ? 0.5 : 0.0;   // 4 of 16 pixels differ by 0.5
            }
            Tensor x = tensor(a, 1, 1, 4, 4);
            Tensor y = tensor(b, 1, 1, 4, 4);
            assertEquals(0.125, ImageQuality.l1(x, y)[0], 1e-7);
            // MSE = 4 * 0.25 / 16 = 1/16, PSNR = 10 log10(16)
            assertEquals(10 * Math.log10(16), ImageQuality.psnr(x, y)[0], 1e-5);
            assertEquals(Double.POSITIVE_INFINITY, ImageQuality.psnr(x, x)[0]);
            assertEquals(10 * Math.log10(16), ImageQuality.mean(new double[]{10 * Math.log10(16),
                    Double.POSITIVE_INFINITY}), 1e-12, "identical pairs are left out of the mean PSNR");
        }
    }

    @Test
    void ssimOfAnImageWithItselfIsOneAndOfANegativeIsBelowZero() {
        try (StepScope s = StepScope.open()) {
            double[] a = random(2 * 3 * 20 * 16, 1);
            double[] neg = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                neg[i] = 1 - a[i];
            }
            Tensor x = tensor(a, 2, 3, 20, 16);
            double[] same = ImageQuality.ssim(x, x);
            assertEquals(1.0, same[0], 1e-9);
            assertEquals(1.0, same[1], 1e-9);
            assertTrue(ImageQuality.ssim(x, tensor(neg, 2, 3, 20, 16))[0] < 0);
        }
    }

    @Test
    void ssimMatchesADirectLoopOverWindows() {
        int h = 17;
        int w = 14;
        double[] a = random(2 * h * w, 2);
        double[] b = random(2 * h * w, 3);
        for (int i = 0; i < a.length; i++) {
            b[i] = 0.7 * a[i] + 0.3 * b[i];   // correlated, so SSIM is well inside (0, 1)
        }
        try (StepScope s = StepScope.open()) {
            double got = ImageQuality.ssim(tensor(a, 1, 2, h, w), tensor(b, 1, 2, h, w))[0];
            double expect = (direct(a, b, 0, h, w) + direct(a, b, h * w, h, w)) / 2;
            assertEquals(expect, got, 1e-6);
            assertTrue(got > 0.3 && got < 0.99, "SSIM " + got);
        }
    }

    /** Mean SSIM of one channel at offset {@code off}, 11 x 11 Gaussian window (sigma 1.5), valid positions only. */
    static double direct(double[] a, double[] b, int off, int h, int w) {
        int k = 11;
        double[] g = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            g[i] = Math.exp(-Math.pow(i - 5, 2) / (2 * 1.5 * 1.5));
            sum += g[i];
        }
        double c1 = 1e-4;
        double c2 = 9e-4;
        double total = 0;
        int n = 0;
        for (int y = 0; y + k <= h; y++) {
            for (int x = 0; x + k <= w; x++) {
                double mx = 0;
                double my = 0;
                double sxx = 0;
                double syy = 0;
                double sxy = 0;
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        double wt = g[i] * g[j] / (sum * sum);
                        double p = a[off + (y + i) * w + x + j];
                        double q = b[off + (y + i) * w + x + j];
                        mx += wt * p;
                        my += wt * q;
                        sxx += wt * p * p;
                        syy += wt * q * q;
                        sxy += wt * p * q;
                    }
                }
                sxx -= mx * mx;
                syy -= my * my;
                sxy -= mx * my;
                total += (2 * mx * my + c1) * (2 * sxy + c2) / ((mx * mx + my * my + c1) * (sxx + syy + c2));
                n++;
            }
        }
        return total / n;
    }

    @Test
    void mismatchedShapesAreRejected() {
        try (StepScope s = StepScope.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageQuality.psnr(
                    tensor(new double[4], 1, 1, 2, 2), tensor(new double[8], 2, 1, 2, 2)));
            assertTrue(e.getMessage().contains("[1, 1, 2, 2] and [2, 1, 2, 2]"), e.getMessage());
        }
    }
}
