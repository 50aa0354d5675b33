package org.jgan.metrics.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgan.core.data.Batches;
import org.jgan.core.train.Seeds;
import org.jgan.metrics.table.Distributions;

/**
 * Scores the static features of synthetic windows ({@link StaticScore}): the first {@code statics} features of every
 * window, one value per window (a static feature holds it at every step), categorical ones as category codes.
 */
public final class StaticScores {
    private static final String[] STATISTICS = {"mean", "std"};

    private StaticScores() {
    }

    /**
     * One score per static feature of {@code synthetic} against {@code real}.
     *
     * @param names       every feature's name, the statics first
     * @param statics     how many features are static
     * @param categorical the names of the categorical statics
     * @param seed        seed of the shuffled baseline
     */
    public static List<StaticScore> of(Windows real, Windows synthetic, List<String> names, int statics,
                                       Set<String> categorical, long seed) {
        if (names.size() != real.features() || synthetic.features() != real.features() || statics < 0
                || statics >= names.size()) {
            throw new IllegalArgumentException(names.size() + " names and " + statics + " statics for windows of "
                    + real.features() + " (real) and " + synthetic.features() + " (synthetic) features");
        }
        int[] perm = Batches.permutation(real.count(), new SplittableRandom(Seeds.derive(seed, "statics", 0)));
        List<StaticScore> out = new ArrayList<>();
        for (int k = 0; k < statics; k++) {
            boolean cat = categorical.contains(names.get(k));
            double[] r = column(real, k);
            double[] s = column(synthetic, k);
            if (cat) {
                int levels = (int) Math.round(java.util.Arrays.stream(r).max().orElse(0)) + 1;
                codes(r, levels);
                codes(s, levels);
            }
            double[] shuffled = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                shuffled[i] = r[perm[i]];
            }
            double shape = 1 - (cat ? Distributions.tvd(counts(r, r, s), counts(s, r, s)) : Distributions.ks(r, s));
            List<StaticLink> links = new ArrayList<>();
            for (int j = statics; j < real.features(); j++) {
                for (String stat : STATISTICS) {
                    double[] wr = stat(real, j, stat);
                    double[] ws = stat(synthetic, j, stat);
                    double ar = association(r, wr, cat);
                    double as = association(s, ws, cat);
                    double ab = association(shuffled, wr, cat);
                    double scale = cat ? 1 : 2;
                    links.add(new StaticLink(names.get(j), stat, ar, as, ab, similarity(ar, as, scale),
                            similarity(ar, ab, scale)));
                }
            }
            out.add(new StaticScore(names.get(k), cat, shape, mean(links, false), mean(links, true), links));
        }
        return out;
    }

    /**
     * 1 - |real - other| / scale; 0 where the real association is defined and the other is not (a static or a
     * statistic collapsed to one value has no link at all, which must not drop out of the mean as undefined).
     */
    private static double similarity(double real, double other, double scale) {
        if (Double.isNaN(real)) {
            return Double.NaN;
        }
        return Double.isNaN(other) ? 0 : 1 - Math.abs(real - other) / scale;
    }

    /** Values rounded to category codes in 0..levels-1 (unsnapped synthetic values may sit between codes). */
    private static void codes(double[] x, int levels) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0, Math.min(levels - 1, Math.round(x[i])));
        }
    }

    /** Feature {@code k} at step 0 of every window. */
    static double[] column(Windows w, int k) {
        double[] v = new double[w.count()];
        for (int i = 0; i < v.length; i++) {
            v[i] = w.values()[i * w.steps() * w.features() + k];
        }
        return v;
    }

    /** The mean or population standard deviation of feature {@code j} over each window's steps. */
    static double[] stat(Windows w, int j, String stat) {
        double[] out = new double[w.count()];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int t = 0; t < w.steps(); t++) {
                sum += w.values()[(i * w.steps() + t) * w.features() + j];
            }
            double m = sum / w.steps();
            double sq = 0;  // a second pass: sum(x^2) - n m^2 loses the digits of large-offset values
            for (int t = 0; t < w.steps(); t++) {
                double d = w.values()[(i * w.steps() + t) * w.features() + j] - m;
                sq += d * d;
            }
            out[i] = stat.equals("mean") ? m : Math.sqrt(sq / w.steps());
        }
        return out;
    }

    /** Pearson's r, or for category codes the correlation ratio sqrt(between-group / total sum of squares). */
    static double association(double[] s, double[] y, boolean categorical) {
        if (!categorical) {
            return Distributions.pearson(s, y);
        }
        int levels = (int) java.util.Arrays.stream(s).max().orElse(0) + 1;
        double[] sum = new double[levels];
        long[] n = new long[levels];
        double total = 0;
        for (int i = 0; i < s.length; i++) {
            sum[(int) s[i]] += y[i];
            n[(int) s[i]]++;
            total += y[i];
        }
        double mean = total / s.length;
        double between = 0;
        double all = 0;
        for (int c = 0; c < levels; c++) {
            double d = n[c] == 0 ? 0 : sum[c] / n[c] - mean;  // group mean about the overall mean
            between += n[c] * d * d;
        }
        for (double v : y) {
            all += (v - mean) * (v - mean);
        }
        return all > 0 ? Math.sqrt(Math.max(0, between / all)) : Double.NaN;
    }

    /** Counts of the codes in {@code x}, over as many codes as {@code a} and {@code b} use. */
    private static long[] counts(double[] x, double[] a, double[] b) {
        int levels = (int) Math.max(java.util.Arrays.stream(a).max().orElse(0),
                java.util.Arrays.stream(b).max().orElse(0)) + 1;
        long[] c = new long[levels];
        for (double v : x) {
            c[(int) v]++;
        }
        return c;
    }

    private static double mean(List<StaticLink> links, boolean shuffled) {
        return links.stream().mapToDouble(l -> shuffled ? l.scoreShuffled() : l.score()).filter(d -> !Double.isNaN(d))
                .average().orElse(Double.NaN);
    }
}
