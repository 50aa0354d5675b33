package org.jgan.metrics.series;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jgan.metrics.table.Distributions;

/** Every pair of temporal features of synthetic windows against real ones ({@link FeaturePair}). */
public final class FeaturePairs {
    private FeaturePairs() {
    }

    /**
     * One {@link FeaturePair} per pair of temporal features, the largest {@link FeaturePair#gap} first (undefined
     * ones last).
     *
     * @param names   every feature's name, the statics first
     * @param statics how many leading features are static (constant within a window: skipped)
     */
    public static List<FeaturePair> of(Windows real, Windows synthetic, List<String> names, int statics) {
        StepChanges.checkShapes(real, synthetic, names, statics);
        List<FeaturePair> out = new ArrayList<>();
        for (int a = statics; a < real.features(); a++) {
            for (int b = a + 1; b < real.features(); b++) {
                out.add(new FeaturePair(names.get(a), names.get(b),
                        Distributions.pearson(values(real, a), values(real, b)),
                        Distributions.pearson(values(synthetic, a), values(synthetic, b)),
                        Distributions.pearson(StepChanges.changes(real, a), StepChanges.changes(real, b)),
                        Distributions.pearson(StepChanges.changes(synthetic, a), StepChanges.changes(synthetic, b))));
            }
        }
        out.sort(Comparator.comparingDouble((FeaturePair p) -> Double.isNaN(p.gap()) ? -1 : p.gap()).reversed());
        return out;
    }

    /** Feature {@code k} over every window and step. */
    private static double[] values(Windows w, int k) {
        int f = w.features();
        double[] out = new double[w.values().length / f];
        for (int i = 0; i < out.length; i++) {
            out[i] = w.values()[i * f + k];
        }
        return out;
    }
}
