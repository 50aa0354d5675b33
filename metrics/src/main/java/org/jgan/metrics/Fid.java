package org.jgan.metrics;

import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.DataException;
import org.jgan.engine.StepScope;

/**
 * Fréchet Inception Distance (Heusel et al. 2017) between two Gaussians fitted to features:
 * {@code ||mu1 - mu2||^2 + tr(S1) + tr(S2) - 2 tr(sqrtm(S1 S2))}, in float64.
 *
 * <p>pytorch-fid computes {@code sqrtm(S1 S2)} with scipy's Schur-based {@code sqrtm} and keeps the real part of its
 * trace. Only the trace is needed, and the trace of the principal square root is the sum of the square roots of the
 * eigenvalues of {@code S1 S2}. Those equal the eigenvalues of the symmetric matrix {@code S1^1/2 S2 S1^1/2}, which
 * libtorch's float64 {@code linalg_eigh} (LAPACK {@code syevd}) computes stably; no hand-made iteration. Round-off
 * can leave eigenvalues slightly below zero: their square roots are imaginary, and taking the real part (as
 * pytorch-fid does) counts them as zero. If the imaginary part is not round-off (pytorch-fid's tolerance, 1e-3) the
 * inputs are not covariance matrices and the distance is refused. pytorch-fid's other fallback, adding 1e-6 to the
 * diagonal when {@code sqrtm} of a singular product is not finite, is not needed: the eigenvalue route stays finite
 * for singular covariances (too few samples are refused earlier, by {@link FidStats#of}).
 */
public final class Fid {
    /** pytorch-fid's tolerance on the imaginary part of the square root. */
    static final double IMAGINARY_TOLERANCE = 1e-3;

    private Fid() {
    }

    public static double distance(FidStats a, FidStats b) {
        if (a.dim() != b.dim()) {
            throw new DataException(a.source() + " has " + a.dim() + "-d statistics but " + b.source() + " has "
                    + b.dim() + "-d ones; both must come from the same feature extractor"
                    + (a.dim() == 2048 || b.dim() == 2048 ? " (2048-d statistics, as pytorch-fid writes, need "
                    + "the inception:PATH extractor)" : ""));
        }
        double diff = 0;
        for (int i = 0; i < a.dim(); i++) {
            double d = a.mu()[i] - b.mu()[i];
            diff += d * d;
        }
        double d = diff + trace(a.sigma(), a.dim()) + trace(b.sigma(), b.dim())
                - 2 * traceSqrtProduct(a.sigma(), b.sigma(), a.dim(), a.source() + " and " + b.source());
        // A distance is never negative; between equal statistics rounding leaves about -1e-12, printed "-0.000000".
        return Math.max(0, d);
    }

    /** {@code tr(sqrtm(s1 s2))} for covariance matrices {@code s1}, {@code s2} (row-major d x d). */
    static double traceSqrtProduct(double[] s1, double[] s2, int d, String names) {
        try (StepScope scope = StepScope.open()) {
            Tensor a = symmetric(Float64.tensor(s1, d, d));
            Tensor b = symmetric(Float64.tensor(s2, d, d));
            T_TensorTensor_T eig = torch.linalg_eigh(a);
            double[] w = Float64.values(eig.get0());
            double scale = Math.max(Math.abs(w[0]), Math.abs(w[d - 1]));
            double real = 0;
            double imaginary = 0;
            if (w[0] >= -1e-9 * scale) {
                // S1^1/2 from its eigendecomposition; eigenvalues below zero here are round-off.
                Tensor v = eig.get1();
                Tensor root = v.mul(eig.get0().clamp_min(new org.bytedeco.pytorch.Scalar(0.0)).sqrt()).mm(v.t());
                for (double l : Float64.values(torch.linalg_eigvalsh(symmetric(root.mm(b).mm(root))))) {
                    real += Math.sqrt(Math.max(l, 0));
                    imaginary += Math.sqrt(Math.max(-l, 0));
                }
            } else {
                // S1 is not positive semi-definite, so it has no real square root; the eigenvalues of S1 S2 are
                // then read with the general (complex) eigenvalue routine. Principal root of z = re + i im:
                // sqrt((|z| + re) / 2) + i sign(im) sqrt((|z| - re) / 2).
                double[] z = Float64.values(torch.view_as_real(torch.linalg_eigvals(a.mm(b))));
                for (int i = 0; i < z.length; i += 2) {
                    double mod = Math.hypot(z[i], z[i + 1]);
                    real += Math.sqrt((mod + z[i]) / 2);
                    imaginary += Math.sqrt(Math.max(0, (mod - z[i]) / 2));
                }
            }
            if (imaginary > IMAGINARY_TOLERANCE) {
                throw new DataException(names + ": the square root of sigma1 * sigma2 has an imaginary component of "
                        + String.format("%.3g", imaginary) + " (more than round-off); a sigma is not a covariance "
                        + "matrix (it must be symmetric positive semi-definite)");
            }
            return real;
        }
    }

    private static Tensor symmetric(Tensor m) {
        return m.add(m.t()).mul(new org.bytedeco.pytorch.Scalar(0.5));
    }

    private static double trace(double[] s, int d) {
        double t = 0;
        for (int i = 0; i < d; i++) {
            t += s[i * d + i];
        }
        return t;
    }
}
