package org.jgan.metrics.series;

import java.util.ArrayList;
import java.util.List;
import org.jgan.core.train.Seeds;
import org.jgan.metrics.table.Distributions;

/**
 * Per temporal feature, the step-to-step changes of synthetic windows against real ones ({@link StepChange}).
 */
public final class StepChanges {
    private StepChanges() {
    }

    /**
     * One {@link StepChange} per temporal feature of {@code synthetic} against {@code real} (both in the data's
     * units; scaled here by the real windows' range).
     *
     * @param names   every feature's name, the statics first
     * @param statics how many leading features are static (constant within a window: skipped)
     * @param seed    seed of the shuffled baseline
     */
    public static List<StepChange> of(Windows real, Windows synthetic, List<String> names, int statics, long seed) {
        checkShapes(real, synthetic, names, statics);
        Windows r = real.scaledLike(real);
        Windows s = synthetic.scaledLike(real);
        Windows shuffled = r.shuffledInTime(Seeds.derive(seed, "steps", 0));
        List<StepChange> out = new ArrayList<>();
        for (int k = statics; k < real.features(); k++) {
            double[] dr = changes(r, k);
            double[] ds = changes(s, k);
            out.add(new StepChange(names.get(k), meanAbs(dr), meanAbs(ds), meanAbs(changes(shuffled, k)),
                    Distributions.ks(dr, ds), meanAbs(bends(dr, r.steps())), meanAbs(bends(ds, r.steps()))));
        }
        return out;
    }

    /** Real and synthetic windows of one shape, one name per feature, at least one temporal feature. */
    static void checkShapes(Windows real, Windows synthetic, List<String> names, int statics) {
        if (names.size() != real.features() || synthetic.features() != real.features() || synthetic.steps()
                != real.steps() || statics < 0 || statics >= names.size()) {
            throw new IllegalArgumentException(names.size() + " names and " + statics + " statics for windows of "
                    + real.steps() + " x " + real.features() + " (real) and " + synthetic.steps() + " x "
                    + synthetic.features() + " (synthetic)");
        }
    }

    /** x[t + 1] - x[t] of feature {@code k} over every window and step. */
    static double[] changes(Windows w, int k) {
        int f = w.features();
        int steps = w.steps();
        float[] v = w.values();
        double[] out = new double[w.count() * (steps - 1)];
        int n = 0;
        for (int i = 0; i < w.count(); i++) {
            int base = i * steps * f + k;
            for (int t = 0; t + 1 < steps; t++) {
                out[n++] = (double) v[base + (t + 1) * f] - v[base + t * f];
            }
        }
        return out;
    }

    /**
     * x[t + 1] - 2 x[t] + x[t - 1], the change of consecutive {@code changes} (as {@link #changes} lays them out:
     * {@code steps - 1} per window) within each window.
     */
    static double[] bends(double[] changes, int steps) {
        int per = steps - 1;
        int windows = per == 0 ? 0 : changes.length / per;
        double[] out = new double[windows * Math.max(0, per - 1)];
        int n = 0;
        for (int i = 0; i < windows; i++) {
            for (int t = 1; t < per; t++) {
                out[n++] = changes[i * per + t] - changes[i * per + t - 1];
            }
        }
        return out;
    }

    private static double meanAbs(double[] x) {
        double sum = 0;
        for (double d : x) {
            sum += Math.abs(d);
        }
        return x.length == 0 ? Double.NaN : sum / x.length;
    }
}
