package org.jgan.api.synthetic;

import java.util.Optional;

/**
 * The figures of an {@link AugmentExperiment}: test accuracy per classifier seed of each condition.
 *
 * @param real      trained on the real images only
 * @param augmented trained on the real images plus the synthetic ones
 * @param control   trained with the synthetic slots filled with real images again; null when no control was asked
 */
public record AugmentResult(double[] real, double[] augmented, double[] control) {
    /** Augmented against real only: does synthetic data help? */
    public SeedComparison lift() {
        return new SeedComparison(real, augmented);
    }

    /** Augmented against the control: does it help beyond larger batches? Empty when no control was trained. */
    public Optional<SeedComparison> overControl() {
        return control == null ? Optional.empty() : Optional.of(new SeedComparison(control, augmented));
    }
}
