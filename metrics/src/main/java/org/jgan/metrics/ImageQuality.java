package org.jgan.metrics;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Convolutions;
import org.jgan.engine.Tensors;

/**
 * Full-reference image quality, per image, for image-to-image and super-resolution results: mean absolute error
 * (L1), PSNR and SSIM (Wang, Bovik, Sheikh and Simoncelli 2004). Inputs are N x C x H x W tensors in jgan's [-1, 1];
 * all three are computed on the [0, 1] scale (data range 1), as scikit-image and the super-resolution literature
 * report them for 8-bit images scaled to [0, 1].
 */
public final class ImageQuality {
    /** SSIM's Gaussian window: 11 x 11, sigma 1.5, and its stabilising constants K1 = 0.01, K2 = 0.03. */
    public static final int WINDOW = 11;
    public static final double SIGMA = 1.5;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;

    private ImageQuality() {
    }

    /** Mean |a - b| of each image on the [0, 1] scale. */
    public static double[] l1(Tensor a, Tensor b) {
        check(a, b);
        return Tensors.toDoubles(unit(a).sub(unit(b)).abs().flatten(1, -1).mean(new long[]{1}));
    }

    /** 10 log10(1 / MSE) of each image on the [0, 1] scale; infinite for identical images. */
    public static double[] psnr(Tensor a, Tensor b) {
        check(a, b);
        double[] mse = Tensors.toDoubles(unit(a).sub(unit(b)).square().flatten(1, -1).mean(new long[]{1}));
        double[] out = new double[mse.length];
        for (int i = 0; i < mse.length; i++) {
            out[i] = mse[i] == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(1.0 / mse[i]);
        }
        return out;
    }

    /**
     * The mean SSIM of each image: local means, variances and covariance under an 11 x 11 Gaussian window (sigma 1.5)
     * at every position where the window fits inside the image (no padding), averaged over positions and channels.
     * Images smaller than 11 pixels use the largest odd window that fits.
     */
    public static double[] ssim(Tensor a, Tensor b) {
        check(a, b);
        long c = a.size(1);
        int win = (int) Math.min(WINDOW, Math.min(a.size(2), a.size(3)));
        win -= win % 2 == 0 ? 1 : 0;
        Tensor x = unit(a).to(torch.ScalarType.Double);
        Tensor y = unit(b).to(torch.ScalarType.Double);
        Tensor w = window(win).expand(c, 1, win, win).contiguous();
        Tensor mx = filter(x, w, c);
        Tensor my = filter(y, w, c);
        Tensor sxx = filter(x.mul(x), w, c).sub(mx.mul(mx));
        Tensor syy = filter(y.mul(y), w, c).sub(my.mul(my));
        Tensor sxy = filter(x.mul(y), w, c).sub(mx.mul(my));
        // ((2 mx my + C1)(2 sxy + C2)) / ((mx^2 + my^2 + C1)(sxx + syy + C2))
        Tensor num = mx.mul(my).mul(new Scalar(2.0)).add(new Scalar(C1))
                .mul(sxy.mul(new Scalar(2.0)).add(new Scalar(C2)));
        Tensor den = mx.square().add(my.square()).add(new Scalar(C1)).mul(sxx.add(syy).add(new Scalar(C2)));
        return Tensors.toDoubles(num.div(den).flatten(1, -1).mean(new long[]{1}));
    }

    /** The mean of {@code v}, skipping infinities (identical pairs in PSNR); NaN for an empty array. */
    public static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** The normalised 2-D Gaussian window, 1 x 1 x win x win, float64. */
    static Tensor window(int win) {
        double[] g = new double[win];
        double sum = 0;
        for (int i = 0; i < win; i++) {
            double d = i - (win - 1) / 2.0;
            g[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            sum += g[i];
        }
        double[] w2 = new double[win * win];
        for (int i = 0; i < win; i++) {
            for (int j = 0; j < win; j++) {
                w2[i * win + j] = g[i] / sum * g[j] / sum;
            }
        }
        return Tensors.fromFloats(toFloats(w2), 1, 1, win, win).to(torch.ScalarType.Double);
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static Tensor filter(Tensor x, Tensor w, long channels) {
        return Convolutions.conv2d(x, w, null, new long[]{1, 1}, new long[]{0, 0}, new long[]{1, 1}, channels);
    }

    private static Tensor unit(Tensor t) {
        return t.detach().add(new Scalar(1.0)).mul(new Scalar(0.5));
    }

    private static void check(Tensor a, Tensor b) {
        long[] sa = Tensors.shape(a);
        long[] sb = Tensors.shape(b);
        if (!java.util.Arrays.equals(sa, sb) || sa.length != 4) {
            throw new IllegalArgumentException("image quality needs two N x C x H x W batches of one shape, got "
                    + java.util.Arrays.toString(sa) + " and " + java.util.Arrays.toString(sb));
        }
    }
}
