package org.jgan.api.i2i;

import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageFiles;
import org.jgan.engine.StepScope;
import org.jgan.metrics.ImageQuality;

/**
 * Full-reference quality of images against their targets, each figure the mean over images of the per-image value
 * on the 8-bit images scaled to [0, 1] ({@link ImageQuality}): L1, PSNR and SSIM (Wang, Bovik, Sheikh and Simoncelli
 * 2004), as the image-to-image (Isola et al. 2017) and super-resolution (Ledig et al. 2017) papers report them.
 *
 * @param l1   mean absolute error, 0 (identical) to 1
 * @param psnr peak signal-to-noise ratio in dB, higher is better; the mean over the pairs that differ (an identical
 *             pair's is infinite), infinite when all are identical
 * @param ssim structural similarity, at most 1 (identical)
 */
public record Quality(double l1, double psnr, double ssim) {
    /** The figures of {@code images} against {@code targets}: the same number of images of the same shape. */
    public static Quality of(ImageFiles.Decoded images, ImageFiles.Decoded targets) {
        if (images.size() != targets.size() || images.channels() != targets.channels()
                || images.height() != targets.height() || images.width() != targets.width()) {
            throw new DataException("cannot compare " + describe(images) + " with targets of " + describe(targets));
        }
        int n = images.size();
        double[] l1 = new double[n];
        double[] psnr = new double[n];
        double[] ssim = new double[n];
        for (int from = 0; from < n; from += ImageBatches.CHUNK) {
            int m = Math.min(ImageBatches.CHUNK, n - from);
            try (StepScope s = StepScope.open()) {
                Tensor a = ImageBatches.tensor(images, from, m);
                Tensor b = ImageBatches.tensor(targets, from, m);
                System.arraycopy(ImageQuality.l1(a, b), 0, l1, from, m);
                System.arraycopy(ImageQuality.psnr(a, b), 0, psnr, from, m);
                System.arraycopy(ImageQuality.ssim(a, b), 0, ssim, from, m);
            }
        }
        // ImageQuality.mean skips identical pairs' infinite PSNR; with nothing left, every pair was identical
        double p = ImageQuality.mean(psnr);
        return new Quality(ImageQuality.mean(l1), Double.isNaN(p) ? Double.POSITIVE_INFINITY : p,
                ImageQuality.mean(ssim));
    }

    /** One line, e.g. {@code L1 0.0412  PSNR 24.31 dB  SSIM 0.8123}. */
    public String summary() {
        return String.format("L1 %.4f  PSNR %.2f dB  SSIM %.4f", l1, psnr, ssim);
    }

    private static String describe(ImageFiles.Decoded d) {
        return d.size() + " images of " + d.channels() + "x" + d.height() + "x" + d.width();
    }
}
