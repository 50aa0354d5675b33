package org.jgan.metrics.features;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.metrics.Float64;

/**
 * Resizes images the way clean-fid recommends (Parmar et al. 2022, "On Aliased Resizing and Surprising Subtleties in
 * GAN Evaluation"): PIL's bicubic filter applied to each channel as a float image (PIL mode "F"), with PIL's
 * anti-aliasing (the filter widens by the scale factor when shrinking), then clipped to [0, 255].
 *
 * <p>PIL resamples separably, rows first and then columns, each output pixel a normalised weighted sum of input
 * pixels, accumulated in double and stored as float32 between the passes. Written here as two matrix products with
 * the same weights ({@code out = Wv (img Wh^T)}, float64 arithmetic, float32 after each pass), it matches PIL to
 * float32 round-off (tested against PIL in the fixtures).
 */
public final class PilBicubic {
    private static final double A = -0.5; // PIL's bicubic uses a = -0.5

    private PilBicubic() {
    }

    /** Resizes float32 pixels N x C x H x W in [0, 255] to N x C x outH x outW; the result is in the current scope. */
    public static Tensor resize(Tensor pixels, int outH, int outW) {
        long h = pixels.size(2);
        long w = pixels.size(3);
        Tensor x = pixels.to(torch.ScalarType.Double);
        if (w != outW) {
            x = x.matmul(Float64.tensor(weights((int) w, outW), outW, w).t()).to(torch.ScalarType.Float)
                    .to(torch.ScalarType.Double);
        }
        if (h != outH) {
            x = Float64.tensor(weights((int) h, outH), outH, h).matmul(x).to(torch.ScalarType.Float)
                    .to(torch.ScalarType.Double);
        }
        return x.to(torch.ScalarType.Float).clamp(new org.bytedeco.pytorch.ScalarOptional(new Scalar(0.0)),
                new org.bytedeco.pytorch.ScalarOptional(new Scalar(255.0)));
    }

    /** The out x in resampling matrix of PIL's {@code precompute_coeffs} for the bicubic filter. */
    static double[] weights(int in, int out) {
        double scale = in / (double) out;
        double filterScale = Math.max(scale, 1.0);
        double support = 2.0 * filterScale;
        double[] m = new double[out * in];
        for (int o = 0; o < out; o++) {
            double center = (o + 0.5) * scale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), in);
            double sum = 0;
            for (int x = xmin; x < xmax; x++) {
                double k = cubic((x - center + 0.5) / filterScale);
                m[o * in + x] = k;
                sum += k;
            }
            if (sum != 0) {
                for (int x = xmin; x < xmax; x++) {
                    m[o * in + x] /= sum;
                }
            }
        }
        return m;
    }

    private static double cubic(double x) {
        x = Math.abs(x);
        if (x < 1) {
            return ((A + 2) * x - (A + 3)) * x * x + 1;
        }
        if (x < 2) {
            return (((x - 5) * x + 8) * x - 4) * A;
        }
        return 0;
    }
}
