package org.jgan.models.timegan;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Tensors;

/**
 * The shape of each window as its coefficients on orthonormal polynomials over the steps (degree 0, the window's mean,
 * up to degree {@link #DEGREES} - 1; discrete Legendre polynomials, as Gram-Schmidt makes them from powers of the step
 * rescaled to [-1, 1]), and the losses of {@link TimeGanConfig#shapeMoments} and
 * {@link TimeGanConfig#shapeCorrelations} on them. Why: TimeGAN's moment loss (Yoon et al. 2019) matches each step's
 * mean and spread over the batch, which windows of the wrong shapes can meet. On the paper's sines the real windows'
 * cubic coefficient follows the quadratic one (r 0.98) and the higher ones are near 0, while the generated windows
 * carried a cubic part three times as large as real and unrelated to the rest (r -0.1): a wobble along the arc that
 * the per-step moments let through and the post-hoc classifier reads.
 */
final class SeriesShapes {
    /** Polynomial degrees 0..5; a window of fewer steps has as many as it has steps. */
    static final int DEGREES = 6;

    private SeriesShapes() {
    }

    /**
     * The coefficients [batch, features, degrees] of windows [batch, steps, features]: the projection on each
     * orthonormal polynomial divided by sqrt(steps), so that each is in the values' units (degree 0 is the mean over
     * the steps, degree k the root mean square over the steps of the window's degree-k part).
     */
    static Tensor coefficients(Tensor x) {
        int steps = (int) x.size(1);
        int k = Math.min(DEGREES, steps);
        float[] basis = basis(steps, k);
        Tensor b = Tensors.fromFloats(basis, steps, k).to(x.device(), x.scalar_type());
        return x.transpose(1, 2).matmul(b);
    }

    /** Orthonormal polynomials of degrees 0..k-1 at {@code steps} points, [steps, k] row-major, over sqrt(steps). */
    static float[] basis(int steps, int k) {
        double[][] q = new double[k][steps];
        for (int d = 0; d < k; d++) {
            for (int t = 0; t < steps; t++) {
                double u = steps == 1 ? 0 : 2.0 * t / (steps - 1) - 1;
                q[d][t] = Math.pow(u, d);
            }
            // twice over (modified Gram-Schmidt, re-orthogonalised): the powers are nearly parallel at high degree
            for (int pass = 0; pass < 2; pass++) {
                for (int e = 0; e < d; e++) {
                    double dot = 0;
                    for (int t = 0; t < steps; t++) {
                        dot += q[d][t] * q[e][t];
                    }
                    for (int t = 0; t < steps; t++) {
                        q[d][t] -= dot * q[e][t];
                    }
                }
            }
            double norm = 0;
            for (int t = 0; t < steps; t++) {
                norm += q[d][t] * q[d][t];
            }
            norm = Math.sqrt(norm);
            for (int t = 0; t < steps; t++) {
                q[d][t] /= norm;
            }
        }
        float[] out = new float[steps * k];
        double scale = 1.0 / Math.sqrt(steps);
        for (int t = 0; t < steps; t++) {
            for (int d = 0; d < k; d++) {
                out[t * k + d] = (float) (q[d][t] * scale);
            }
        }
        return out;
    }

    /** {@link TimeGanLosses#moments} of the coefficients: each one's mean and spread over the batch, per feature. */
    static Tensor moments(Tensor fake, Tensor real) {
        return TimeGanLosses.moments(coefficients(fake), coefficients(real));
    }

    /**
     * Mean |r_fake - r_real| over every feature and pair of degrees, r the correlation over the batch of two
     * coefficients of one feature, each side over its own spreads ({@link #moments} matches the spreads); 0 for
     * windows of one step (one coefficient has no pairs).
     */
    static Tensor correlations(Tensor fake, Tensor real) {
        Tensor cf = coefficients(fake);
        long k = cf.size(2);
        if (k < 2) {
            return cf.sum().mul(new Scalar(0.0));
        }
        Tensor off = torch.ones(k, k).sub(torch.eye(k)).to(cf.device(), cf.scalar_type());
        Tensor diff = correlation(cf).sub(correlation(coefficients(real))).abs().mul(off);
        return diff.sum().div(new Scalar((double) (cf.size(1) * k * (k - 1))));
    }

    /** [features, k, k]: the correlations over the batch between the k coefficients of each feature. */
    private static Tensor correlation(Tensor c) {
        Tensor centred = c.sub(c.mean(new long[]{0}, true, new ScalarTypeOptional())).permute(1, 2, 0);
        Tensor cov = centred.matmul(centred.transpose(1, 2)).div(new Scalar((double) c.size(0)));
        Tensor spread = cov.diagonal(0, 1, 2).add(new Scalar(1e-10)).sqrt();
        return cov.div(spread.unsqueeze(2).mul(spread.unsqueeze(1)));
    }
}
