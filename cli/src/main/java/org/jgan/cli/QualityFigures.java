package org.jgan.cli;

import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.ImageFiles;
import org.jgan.engine.StepScope;
import org.jgan.metrics.ImageQuality;

/** L1, PSNR and SSIM of outputs against targets, averaged over images, as translate and upscale report them. */
final class QualityFigures {
    private QualityFigures() {
    }

    /** Means of per-image L1, PSNR (dB) and SSIM of {@code out} against {@code target}, on the 8-bit images. */
    static double[] of(ImageFiles.Decoded out, ImageFiles.Decoded target) {
        int n = out.size();
        double[] l1 = new double[n];
        double[] psnr = new double[n];
        double[] ssim = new double[n];
        for (int from = 0; from < n; from += ImageOutputs.CHUNK) {
            int m = Math.min(ImageOutputs.CHUNK, n - from);
            try (StepScope s = StepScope.open()) {
                Tensor a = ImageOutputs.tensor(out, from, m);
                Tensor b = ImageOutputs.tensor(target, from, m);
                System.arraycopy(ImageQuality.l1(a, b), 0, l1, from, m);
                System.arraycopy(ImageQuality.psnr(a, b), 0, psnr, from, m);
                System.arraycopy(ImageQuality.ssim(a, b), 0, ssim, from, m);
            }
        }
        return new double[]{ImageQuality.mean(l1), ImageQuality.mean(psnr), ImageQuality.mean(ssim)};
    }

    /** Puts {@code prefix}L1, PSNR and SSIM into {@code into}. */
    static void put(Map<String, Object> into, String prefix, double[] f) {
        into.put(prefix + "L1", f[0]);
        into.put(prefix + "PSNR", f[1]);
        into.put(prefix + "SSIM", f[2]);
    }

    static String format(double[] f) {
        return String.format("L1 %.4f  PSNR %.2f dB  SSIM %.4f", f[0], f[1], f[2]);
    }
}
