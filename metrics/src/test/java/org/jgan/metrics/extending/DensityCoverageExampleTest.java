package org.jgan.metrics.extending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.DataException;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.PrecisionRecall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/extending.md's worked metric, against values worked out by hand for points on a line. */
class DensityCoverageExampleTest {
    /**
     * Density and coverage (Naeem et al. 2020, "Reliable Fidelity and Diversity Metrics for Generative Models"): the
     * balls of improved precision and recall around real points only, so that outliers among the generated samples
     * cannot inflate them. Density counts how many real balls hold each generated sample, divided by k (about 1
     * when the two sets match); coverage is the fraction of real balls that hold any generated sample.
     */
    static final class DensityCoverage {
        /** The two numbers and the neighbourhood size they were computed with. */
        record Result(double density, double coverage, int k) {
        }

        static Result compute(FeatureSet real, FeatureSet fake, int k) {
            if (real.dim() != fake.dim()) {
                throw new DataException(real.source() + " has " + real.dim() + "-d features but " + fake.source()
                        + " has " + fake.dim() + "-d ones");
            }
            float[] radii = PrecisionRecall.radii(real, k);
            try (StepScope s = StepScope.open()) {
                Tensor r = Tensors.fromFloats(radii, radii.length);
                // inside[j][i]: generated sample j lies in the ball of real point i. A metric meant for 10,000 x
                // 10,000 features computes this in row blocks, as PrecisionRecall does.
                Tensor inside = torch.cdist(fake.featuresTensor(), real.featuresTensor()).le(r.unsqueeze(0));
                double density = inside.sum().item_long() / ((double) k * fake.count());
                double coverage = inside.any(0).sum().item_long() / (double) real.count();
                return new Result(density, coverage, k);
            }
        }
    }

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static FeatureSet line(String name, float... x) {
        return new FeatureSet(name, "test", x.length, 1, x, 0, null);
    }

    @Test
    void matchesTheValuesWorkedOutByHand() {
        // k = 1: the radii are 1, 1, 1, 1 and 7 (10's nearest neighbour is 3). 0.5 lies in the balls of 0 and 1,
        // 20 in none: density = 2 / (1 * 2) = 1, coverage = 2 / 5.
        FeatureSet real = line("real", 0, 1, 2, 3, 10);
        var r = DensityCoverage.compute(real, line("fake", 0.5f, 20), 1);
        assertEquals(1.0, r.density(), 1e-12);
        assertEquals(0.4, r.coverage(), 1e-12);
        // An outlier far from every real point adds nothing; a sample at 9 lies in 10's wide ball only.
        var far = DensityCoverage.compute(real, line("fake", 9, 100), 1);
        assertEquals(0.5, far.density(), 1e-12);
        assertEquals(0.2, far.coverage(), 1e-12);
    }

    @Test
    void tooFewRealSamplesAreRefusedNamingTheSet() {
        DataException e = assertThrows(DataException.class,
                () -> DensityCoverage.compute(line("real", 0, 1), line("fake", 0, 1, 2), 3));
        assertTrue(e.getMessage().startsWith("real:"), e.getMessage());
    }
}
