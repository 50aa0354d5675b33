package org.jgan.metrics;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.DataException;
import org.jgan.engine.StepScope;

/**
 * Diversity of a small batch: the mean Euclidean distance between the features of every pair of its images. Divided
 * by the same quantity for an equally large batch of real images it reads about 1 for real-like variety and falls
 * towards 0 as a generator collapses (its samples become near copies of each other).
 */
public final class Diversity {
    private Diversity() {
    }

    /** Mean pairwise feature distance over the i &lt; j pairs of {@code f}. */
    public static double meanPairwiseDistance(FeatureSet f) {
        if (f.count() < 2) {
            throw new DataException(f.source() + ": diversity needs at least 2 images");
        }
        try (StepScope s = StepScope.open()) {
            Tensor x = f.featuresTensor().to(torch.ScalarType.Double);
            Tensor d = torch.cdist(x, x);
            long n = f.count();
            // The diagonal is zero, so the full sum counts each pair twice.
            return d.sum().item_double() / (n * (n - 1.0));
        }
    }

    /** Diversity of {@code fake} relative to {@code real}: 1 when they are equally varied. */
    public static double relative(FeatureSet fake, FeatureSet real) {
        double r = meanPairwiseDistance(real);
        return r > 0 ? meanPairwiseDistance(fake) / r : Double.NaN;
    }
}
