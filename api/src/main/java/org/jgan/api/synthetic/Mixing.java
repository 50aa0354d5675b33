package org.jgan.api.synthetic;

import org.jgan.core.config.ConfigException;
import org.jgan.metrics.classifier.ExtraData;

/**
 * How synthetic images enter the augmented classifier's training in an {@link AugmentExperiment}: {@link #added}
 * puts some into every batch beside an unchanged real batch (see {@link ExtraData} for why), {@link #pooled}
 * shuffles them into one set with the real ones.
 *
 * @param perBatch synthetic images beside each real batch, or 0 to pool both sets into one
 * @param weight   factor on the synthetic images' loss (added mixing only; 1 when pooled)
 */
public record Mixing(int perBatch, double weight) {
    /**
     * Checks the mixing.
     *
     * @throws ConfigException when {@code perBatch} is negative or {@code weight} not positive and finite
     */
    public Mixing {
        if (perBatch < 0 || !(weight > 0) || Double.isInfinite(weight)) {
            throw invalid(perBatch, weight);
        }
    }

    /** Real and synthetic images pooled into one shuffled set, trained for the same number of steps. */
    public static Mixing pooled() {
        return new Mixing(0, 1);
    }

    /**
     * {@code perBatch} synthetic images beside every real batch, their loss weighted by {@code weight}.
     *
     * @throws ConfigException when {@code perBatch} is below 1 or {@code weight} not positive and finite
     */
    public static Mixing added(int perBatch, double weight) {
        if (perBatch < 1) {
            throw invalid(perBatch, weight);
        }
        return new Mixing(perBatch, weight);
    }

    private static ConfigException invalid(int perBatch, double weight) {
        return new ConfigException("added mixing needs at least 1 synthetic image per batch and a positive, finite "
                + "loss weight, got " + perBatch + " and " + weight);
    }

    /** True when both sets are pooled into one rather than added beside the real batches. */
    public boolean isPooled() {
        return perBatch == 0;
    }

    /** The mixing in words. */
    public String describe() {
        return isPooled() ? "real and synthetic images pooled into one set"
                : perBatch + " synthetic images beside every real batch, loss weight " + weight;
    }
}
