package org.jgan.metrics;

import java.util.SplittableRandom;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.DataException;
import org.jgan.engine.MatrixProducts;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * Kernel Inception Distance (Binkowski et al. 2018, "Demystifying MMD GANs"): the unbiased estimate of the squared
 * maximum mean discrepancy with the cubic polynomial kernel {@code k(x, y) = (x.y / d + 1)^3}, averaged over random
 * subsets (by default 100 of 1,000 samples each, as the paper, torch-fidelity and StyleGAN2-ADA do). Unlike FID it is
 * unbiased: for two sets from one distribution its expectation is 0 whatever the sample size, so it can be negative.
 * Computed in float64 (the kernel sums are large and the estimate is their small difference).
 */
public final class Kid {
    public static final int SUBSETS = 100;
    public static final int SUBSET_SIZE = 1000;

    private Kid() {
    }

    /** Mean and (population) standard deviation of the per-subset estimates. */
    public record Result(double mean, double std, int subsets, int subsetSize) {
    }

    public static Result compute(FeatureSet real, FeatureSet fake, long seed) {
        return compute(real, fake, SUBSETS, SUBSET_SIZE, seed);
    }

    /** KID over {@code subsets} subsets of {@code min(subsetSize, |real|, |fake|)} samples drawn without replacement. */
    public static Result compute(FeatureSet real, FeatureSet fake, int subsets, int subsetSize, long seed) {
        if (real.dim() != fake.dim()) {
            throw new DataException(real.source() + " has " + real.dim() + "-d features but " + fake.source()
                    + " has " + fake.dim() + "-d ones");
        }
        int m = Math.min(subsetSize, Math.min(real.count(), fake.count()));
        if (m < 2) {
            throw new DataException("KID needs at least 2 samples on each side, got " + real.count() + " ("
                    + real.source() + ") and " + fake.count() + " (" + fake.source() + ")");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[subsets];
        try (StepScope scope = StepScope.open()) {
            Tensor x = real.featuresTensor().to(torch.ScalarType.Double);
            Tensor y = fake.featuresTensor().to(torch.ScalarType.Double);
            for (int s = 0; s < subsets; s++) {
                try (StepScope inner = StepScope.open()) {
                    Tensor xs = x.index_select(0, indices(rng, real.count(), m));
                    Tensor ys = y.index_select(0, indices(rng, fake.count(), m));
                    v[s] = mmd2Unbiased(xs, ys);
                }
            }
        }
        double mean = 0;
        for (double a : v) {
            mean += a / subsets;
        }
        double var = 0;
        for (double a : v) {
            var += (a - mean) * (a - mean) / subsets;
        }
        return new Result(mean, Math.sqrt(var), subsets, m);
    }

    /**
     * Unbiased MMD^2 of two equal-sized float64 sets: the within-set kernel means leave out the diagonal (i = j),
     * the cross-set mean keeps every pair (x and y are independent, so that term is already unbiased).
     */
    static double mmd2Unbiased(Tensor x, Tensor y) {
        long m = x.size(0);
        double d = x.size(1);
        Tensor kxx = kernel(x, x, d);
        Tensor kyy = kernel(y, y, d);
        Tensor kxy = kernel(x, y, d);
        double within = kxx.sum().item_double() - kxx.trace().item_double() + kyy.sum().item_double()
                - kyy.trace().item_double();
        return within / (m * (m - 1.0)) - 2 * kxy.sum().item_double() / ((double) m * m);
    }

    private static Tensor kernel(Tensor a, Tensor b, double d) {
        // 1 + a b^T / d in one GEMM call (beta = 1 on a broadcast one), then cubed in place: fewer passes over the
        // m x m matrix, which costs more than the product itself.
        Tensor one = torch.ones(1).to(torch.ScalarType.Double);
        return MatrixProducts.addmm(one, a, b.t(), 1.0 / d).pow_(new Scalar(3.0));
    }

    /** {@code m} distinct indices of {@code 0..n-1}, a partial Fisher-Yates shuffle. */
    private static Tensor indices(SplittableRandom rng, int n, int m) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        long[] out = new long[m];
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
            out[i] = all[i];
        }
        return Tensors.fromLongs(out, m);
    }
}
