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
        int f = real.features();
        double[][][] columns = new double[4][f][];  // real values, synthetic values, real changes, synthetic changes
        for (int k = statics; k < f; k++) {
            columns[0][k] = values(real, k);
            columns[1][k] = values(synthetic, k);
            columns[2][k] = StepChanges.changes(real, k);
            columns[3][k] = StepChanges.changes(synthetic, k);
        }
        List<FeaturePair> out = new ArrayList<>();
        for (int a = statics; a < f; a++) {
            for (int b = a + 1; b < f; b++) {
                double[] r = new double[4];
                for (int c = 0; c < 4; c++) {
                    r[c] = Distributions.pearson(columns[c][a], columns[c][b]);
                }
                out.add(new FeaturePair(names.get(a), names.get(b), r[0], r[1], r[2], r[3]));
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
