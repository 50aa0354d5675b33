package org.jgan.metrics;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.DataException;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * Improved precision and recall (Kynkaanniemi et al. 2019): each set's manifold is the union of balls around its
 * points, each ball reaching the point's k-th nearest neighbour in the same set (k = 3). Precision is the fraction of
 * generated samples inside the real manifold (quality), recall the fraction of real samples inside the generated one
 * (coverage of the real distribution). Euclidean distances in float32 as in the authors' code, computed in row
 * blocks so that 10,000 x 10,000 distances never sit in memory at once; the real radii can be computed once per
 * reference ({@link #radii}).
 */
public final class PrecisionRecall {
    public static final int K = 3;
    private static final int BLOCK = 1000;

    private PrecisionRecall() {
    }

    public record Result(double precision, double recall, int k) {
    }

    public static Result compute(FeatureSet real, FeatureSet fake) {
        return compute(real, radii(real, K), fake, K);
    }

    /** Precision and recall given the real set's k-NN radii from {@link #radii(FeatureSet, int)}. */
    public static Result compute(FeatureSet real, float[] realRadii, FeatureSet fake, int k) {
        if (real.dim() != fake.dim()) {
            throw new DataException(real.source() + " has " + real.dim() + "-d features but " + fake.source()
                    + " has " + fake.dim() + "-d ones");
        }
        if (fake.count() <= k) {
            throw new DataException(fake.source() + ": precision/recall with k = " + k + " needs more than " + k
                    + " samples, got " + fake.count());
        }
        try (StepScope scope = StepScope.open()) {
            Tensor r = real.featuresTensor();
            Tensor f = fake.featuresTensor();
            Tensor rr = Tensors.fromFloats(realRadii, realRadii.length);
            Tensor fr = Tensors.fromFloats(radii(fake, k), fake.count());
            long fakeInside = 0;
            Tensor realInside = torch.zeros(r.size(0)).to(torch.ScalarType.Bool);
            for (long from = 0; from < f.size(0); from += BLOCK) {
                try (StepScope inner = StepScope.open()) {
                    long n = Math.min(BLOCK, f.size(0) - from);
                    Tensor d = torch.cdist(f.narrow(0, from, n), r); // n x |real|
                    // A generated sample is real-looking if it falls in some real point's ball.
                    fakeInside += d.le(rr.unsqueeze(0)).any(1).sum().item_long();
                    // A real sample is covered if it falls in some generated point's ball.
                    realInside.logical_or_(d.le(fr.narrow(0, from, n).unsqueeze(1)).any(0));
                }
            }
            return new Result(fakeInside / (double) f.size(0),
                    realInside.sum().item_long() / (double) r.size(0), k);
        }
    }

    /** Distance from each point to its k-th nearest neighbour in the same set (the point itself is the 0-th). */
    public static float[] radii(FeatureSet set, int k) {
        if (set.count() <= k) {
            throw new DataException(set.source() + ": precision/recall with k = " + k + " needs more than " + k
                    + " samples, got " + set.count());
        }
        float[] out = new float[set.count()];
        try (StepScope scope = StepScope.open()) {
            Tensor x = set.featuresTensor();
            for (long from = 0; from < x.size(0); from += BLOCK) {
                try (StepScope inner = StepScope.open()) {
                    long n = Math.min(BLOCK, x.size(0) - from);
                    Tensor d = torch.cdist(x.narrow(0, from, n), x);
                    // the (k+1)-th smallest by topk: the same value as kthvalue, whose per-row selection took
                    // 6x longer here (1000 x 10,000 distances: 91 against 15 ms)
                    Tensor smallest = torch.topk(d, k + 1, 1, false, true).get0();
                    float[] r = Tensors.toFloats(smallest.select(1, k));
                    System.arraycopy(r, 0, out, (int) from, r.length);
                }
            }
        }
        return out;
    }
}
