package org.jgan.metrics;

/**
 * For a conditional generator: the share of samples that a classifier puts in the class they were generated for. High
 * accuracy alone can hide one image per class, so it is always reported beside FID, recall and coverage.
 */
public final class ConditionalAccuracy {
    private ConditionalAccuracy() {
    }

    /** Share of samples i whose most probable class is {@code i % classes} (the order jgan generates labels in). */
    public static double of(FeatureSet samples) {
        int k = samples.hasProbs() ? samples.classes() : 1;
        return of(samples, i -> i % k);
    }

    /** Share of samples i whose most probable class is {@code labelOf(i)} (images that carry their own labels). */
    public static double of(FeatureSet samples, java.util.function.IntUnaryOperator labelOf) {
        if (!samples.hasProbs()) {
            throw new IllegalArgumentException(samples.source() + ": the feature extractor has no class output");
        }
        int k = samples.classes();
        int hits = 0;
        for (int i = 0; i < samples.count(); i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (samples.probs()[i * k + c] > samples.probs()[i * k + best]) {
                    best = c;
                }
            }
            hits += best == labelOf.applyAsInt(i) ? 1 : 0;
        }
        return hits / (double) samples.count();
    }
}
