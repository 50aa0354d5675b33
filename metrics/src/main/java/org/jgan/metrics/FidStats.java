package org.jgan.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.DataException;
import org.jgan.engine.StepScope;
import org.jgan.metrics.npz.NpyArray;
import org.jgan.metrics.npz.Npz;

/**
 * The Gaussian that FID fits to a set of features (Heusel et al. 2017): mean {@code mu} [d] and covariance
 * {@code sigma} [d, d] (row-major, unbiased, as numpy's {@code np.cov(act, rowvar=False)}), computed in float64. Saved
 * and loaded in pytorch-fid's {@code .npz} layout, so statistics files move freely between the two tools.
 *
 * @param source where the statistics came from, named in messages
 * @param count  number of samples, or 0 when unknown (files written by pytorch-fid do not record it)
 */
public record FidStats(String source, long count, double[] mu, double[] sigma) {
    /** Below this many samples FID is noticeably biased upwards (Chong and Forsyth 2020; Heusel et al. use 50,000). */
    public static final int RECOMMENDED_SAMPLES = 10_000;

    public FidStats {
        if ((long) mu.length * mu.length != sigma.length) {
            throw new DataException(source + ": sigma holds " + sigma.length + " values but mu has " + mu.length
                    + " (sigma must be " + mu.length + " x " + mu.length + ")");
        }
        checkFinite(mu, source, "mu");
        checkFinite(sigma, source, "sigma");
        checkSymmetric(sigma, mu.length, source);
    }

    public int dim() {
        return mu.length;
    }

    /** Mean and covariance of {@code f}'s features; refuses fewer samples than a full-rank covariance needs. */
    public static FidStats of(FeatureSet f) {
        requireNonSingular(f.source(), f.count(), f.dim());
        try (StepScope s = StepScope.open()) {
            Tensor x = f.featuresTensor().to(torch.ScalarType.Double);
            Tensor mu = x.mean(0);
            Tensor xc = x.sub(mu);
            Tensor sigma = xc.t().mm(xc).div(new org.bytedeco.pytorch.Scalar((double) (f.count() - 1)));
            return new FidStats(f.source(), f.count(), Float64.values(mu), Float64.values(sigma));
        }
    }

    /**
     * Refuses fewer samples than a full-rank covariance needs ({@code dim} >= 1, so this also refuses fewer than 2,
     * which have no sample covariance at all); shared by {@link #of} and {@link FeatureMoments#toFidStats}.
     */
    static void requireNonSingular(String source, long count, int dim) {
        if (count <= dim) {
            throw new DataException(source + ": " + count + " samples of " + dim + "-d features give a "
                    + (count < 2 ? "covariance matrix that is undefined" : "singular covariance matrix")
                    + "; FID needs at least " + (dim + 1) + " samples (and " + RECOMMENDED_SAMPLES
                    + " or more for an unbiased value)");
        }
    }

    /** The warning to show when {@code count} samples are too few for an unbiased FID, if any. */
    public static Optional<String> sampleWarning(String source, long count) {
        if (count > 0 && count < RECOMMENDED_SAMPLES) {
            return Optional.of(String.format("warning: %s: FID from %d samples is biased upwards (it falls as the "
                    + "sample count grows); use %,d or more to compare with published values", source, count,
                    RECOMMENDED_SAMPLES));
        }
        return Optional.empty();
    }

    /** Reads pytorch-fid's layout: {@code mu} [d] and {@code sigma} [d, d], float64 or float32. */
    public static FidStats load(Path file) throws IOException {
        Map<String, NpyArray> a = Npz.read(file);
        NpyArray mu = a.get("mu");
        NpyArray sigma = a.get("sigma");
        if (mu == null || sigma == null) {
            throw new DataException(file + ": has no '" + (mu == null ? "mu" : "sigma") + "' array (found: "
                    + String.join(", ", a.keySet()) + "); FID statistics hold 'mu' [d] and 'sigma' [d, d] as "
                    + "pytorch-fid writes them");
        }
        if (mu.shape().length != 1) {
            throw new DataException(file + ": 'mu' has shape " + mu.shapeString() + "; expected a vector [d]");
        }
        long d = mu.shape()[0];
        if (sigma.shape().length != 2 || sigma.shape()[0] != d || sigma.shape()[1] != d) {
            throw new DataException(file + ": 'sigma' has shape " + sigma.shapeString() + " but 'mu' has shape "
                    + mu.shapeString() + "; expected sigma [" + d + ", " + d + "]");
        }
        NpyArray n = a.get("count");
        long count = n != null && n.data().length == 1 ? (long) n.data()[0] : 0;
        return new FidStats(file.toString(), count, mu.data(), sigma.data());
    }

    /** Writes {@code mu} and {@code sigma} as float64 arrays of an .npz file, as pytorch-fid's --save-stats does. */
    public void save(Path file) throws IOException {
        Map<String, NpyArray> a = new LinkedHashMap<>();
        a.put("mu", NpyArray.vector(mu));
        a.put("sigma", NpyArray.matrix(sigma, mu.length, mu.length));
        Npz.write(file, a);
    }

    private static void checkSymmetric(double[] s, int d, String source) {
        double max = 0;
        for (double v : s) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                // float32 files carry round-off asymmetry of about 1e-7; anything larger is not a covariance.
                if (Math.abs(s[i * d + j] - s[j * d + i]) > 1e-5 * max) {
                    throw new DataException(source + ": sigma is not symmetric (sigma[" + i + "][" + j + "] = "
                            + s[i * d + j] + " but sigma[" + j + "][" + i + "] = " + s[j * d + i]
                            + "); it must be a covariance matrix");
                }
            }
        }
    }

    private static void checkFinite(double[] v, String source, String name) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new DataException(source + ": " + name + "[" + i + "] is " + v[i] + "; statistics must be finite");
            }
        }
    }
}
