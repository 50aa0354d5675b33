package org.jgan.core.data.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Mode-specific normalisation of one continuous column, Xu et al. 2019, "Modeling Tabular Data using Conditional
 * GAN", section 4.2: a variational Gaussian mixture ({@link BayesianGaussianMixture}, at most {@value #MAX_MODES}
 * components) finds the column's modes, and components whose weight in the mixture is at most
 * {@value #WEIGHT_THRESHOLD} are dropped, as in CTGAN's code. A value x is then written as a mode k (one-hot) and its
 * place in that mode, alpha = (x - mu_k) / (4 sigma_k). The paper picks k at random with probability proportional to
 * w_k N(x; mu_k, sigma_k), which is how training data are encoded ({@link #sampleMode}); {@link #likeliestMode}
 * takes the most probable one instead, for an encoding that does not change between calls.
 *
 * <p>alpha is clipped to [-{@value #CLIP}, {@value #CLIP}] as CTGAN's code does: the generator writes alpha through
 * tanh, which never reaches +-1, so a real value at exactly +-1 would be one the generator cannot imitate. A value
 * further than 3.96 sigma from its mode therefore comes back at that distance.
 *
 * <p>A value that at least {@value PointMasses#MIN_SHARE} of the column holds exactly (the zero of a precipitation or
 * an amount column, at most {@value PointMasses#MAX} such values) is a mode of its own with spread 0, as CTAB-GAN
 * treats mixed columns (Zhao et al. 2021, "CTAB-GAN: Effective Table Data Synthesizing"): such a value belongs to
 * that mode alone, alpha is 0 there, and the mode decodes to the value exactly. A Gaussian mode would blur the
 * spike into small nonzero values (on seattle-weather, 57% of days had no rain, but a third of sunny synthetic days
 * got a little); the mixture is fit on the other values only. When the other values are all one value, that value
 * is such a mode too (so a column of four values in equal shares has four), and a column with a single distinct
 * value has one.
 */
public final class ModeSpecificNormalizer {
    public static final int MAX_MODES = 10;
    public static final double WEIGHT_THRESHOLD = 0.005;
    /**
     * The modes of a longer column are fit on a seeded sample of this many values: a few thousand values place a
     * handful of modes as well as a million do, and the mixture's cost grows with every value at every iteration.
     */
    public static final int MAX_FIT_VALUES = 20_000;
    /** alpha's scale: a mode's values within 4 sigma of its mean map into [-1, 1]. */
    static final double STD_MULTIPLIER = 4;
    static final double CLIP = 0.99;

    private final double[] weights;
    private final double[] means;
    private final double[] stds;

    private ModeSpecificNormalizer(double[] weights, double[] means, double[] stds) {
        this.weights = weights;
        this.means = means;
        this.stds = stds;
    }

    /**
     * A normalizer with these modes (weights positive, spreads positive or 0 for a point mass, no two point masses at
     * one value). Weights are rescaled to sum to 1.
     */
    public static ModeSpecificNormalizer of(double[] weights, double[] means, double[] stds) {
        int k = weights.length;
        if (k == 0 || means.length != k || stds.length != k) {
            throw new IllegalArgumentException("a mode-specific normalizer needs as many weights, means and spreads, "
                    + "at least one each (got " + k + ", " + means.length + ", " + stds.length + ")");
        }
        double total = 0;
        for (int j = 0; j < k; j++) {
            if (!(weights[j] > 0) || !Double.isFinite(means[j]) || !(stds[j] >= 0) || !Double.isFinite(stds[j])) {
                throw new IllegalArgumentException("mode " + j + " has weight " + weights[j] + ", mean " + means[j]
                        + ", spread " + stds[j] + ": weights must be positive, spreads positive or 0 (a point mass), "
                        + "all finite");
            }
            for (int i = 0; i < j; i++) {
                if (stds[i] == 0 && stds[j] == 0 && means[i] == means[j]) {
                    throw new IllegalArgumentException("modes " + i + " and " + j + " are both point masses at "
                            + means[j]);
                }
            }
            total += weights[j];
        }
        double[] w = new double[k];
        for (int j = 0; j < k; j++) {
            w[j] = weights[j] / total;
        }
        return new ModeSpecificNormalizer(w, means.clone(), stds.clone());
    }

    /** Fits the modes of {@code values} (finite, at least one), deterministic for a given seed. */
    public static ModeSpecificNormalizer fit(double[] values, long seed) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot find the modes of a column without values");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is " + values[i] + "; the modes are fit on "
                        + "finite numbers (leave missing values out)");
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] fitted = sample(values, rng);
        PointMasses spikes = PointMasses.of(fitted);
        // mode = {weight, mean, spread}
        List<double[]> modes = new ArrayList<>();
        for (int j = 0; j < spikes.values().length; j++) {
            modes.add(new double[]{spikes.shares()[j], spikes.values()[j], 0});
        }
        double[] rest = spikes.without(fitted);
        double restShare = (double) rest.length / fitted.length;
        if (rest.length == 0) {
            // every value is a point mass
        } else if (Arrays.stream(rest).allMatch(v -> v == rest[0])) {
            modes.add(new double[]{restShare, rest[0], 0});
        } else {
            BayesianGaussianMixture.Fit fit = BayesianGaussianMixture.fit(rest, MAX_MODES, rng.nextLong());
            for (int j = 0; j < fit.weights().length; j++) {
                if (fit.weights()[j] > WEIGHT_THRESHOLD) {
                    modes.add(new double[]{fit.weights()[j] * restShare, fit.means()[j], fit.stds()[j]});
                }
            }
        }
        // Modes in order of their means, so the one-hot positions read from low to high values.
        modes.sort((p, q) -> Double.compare(p[1], q[1]));
        return of(modes.stream().mapToDouble(m -> m[0]).toArray(), modes.stream().mapToDouble(m -> m[1]).toArray(),
                modes.stream().mapToDouble(m -> m[2]).toArray());
    }

    /** {@code values} itself, or {@link #MAX_FIT_VALUES} of them drawn without replacement (partial shuffle). */
    private static double[] sample(double[] values, SplittableRandom rng) {
        if (values.length <= MAX_FIT_VALUES) {
            return values;
        }
        double[] v = values.clone();
        for (int i = 0; i < MAX_FIT_VALUES; i++) {
            int j = i + rng.nextInt(v.length - i);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return Arrays.copyOf(v, MAX_FIT_VALUES);
    }

    public int modes() {
        return weights.length;
    }

    public double[] weights() {
        return weights.clone();
    }

    public double[] means() {
        return means.clone();
    }

    public double[] stds() {
        return stds.clone();
    }

    /**
     * P(mode k | x) for each mode: w_k N(x; mu_k, sigma_k), normalised (computed in logs, so never all 0). A point
     * mass at x takes all of it; one elsewhere none, unless the column has only point masses: then the nearest.
     */
    public double[] modeProbabilities(double x) {
        double[] p = new double[modes()];
        int spike = pointMassAt(x);
        if (modes() == 1 || spike >= 0) {
            p[Math.max(spike, 0)] = 1;
            return p;
        }
        double max = Double.NEGATIVE_INFINITY;
        int nearest = 0;
        for (int j = 0; j < p.length; j++) {
            double d = (x - means[j]) / stds[j];  // infinite for a point mass, whose p is set apart
            p[j] = isPointMass(j) ? Double.NEGATIVE_INFINITY : Math.log(weights[j]) - Math.log(stds[j]) - 0.5 * d * d;
            max = Math.max(max, p[j]);
            nearest = Math.abs(x - means[j]) < Math.abs(x - means[nearest]) ? j : nearest;
        }
        if (max == Double.NEGATIVE_INFINITY) {
            p = new double[modes()];
            p[nearest] = 1;
            return p;
        }
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] = Math.exp(p[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < p.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    /** The point mass at exactly {@code x}, or -1. */
    int pointMassAt(double x) {
        for (int j = 0; j < stds.length; j++) {
            if (isPointMass(j) && means[j] == x) {
                return j;
            }
        }
        return -1;
    }

    /** The most probable mode of {@code x}. */
    public int likeliestMode(double x) {
        double[] p = modeProbabilities(x);
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return best;
    }

    /** A mode of {@code x} drawn with its probability, as CTGAN encodes training data. */
    public int sampleMode(double x, RandomGenerator rng) {
        return pick(modeProbabilities(x), rng);
    }

    /** An index drawn with probabilities {@code p} (summing to 1) from one uniform of {@code rng}. */
    private static int pick(double[] p, RandomGenerator rng) {
        double u = rng.nextDouble();
        for (int j = 0; j < p.length - 1; j++) {
            u -= p[j];
            if (u < 0) {
                return j;
            }
        }
        return p.length - 1;
    }

    /** A mode drawn by the mixture's weights (which sum to 1), then a value from its Gaussian: [mode, value]. */
    public double[] draw(RandomGenerator rng) {
        int k = pick(weights, rng);
        return new double[] {k, means[k] + stds[k] * rng.nextGaussian()};
    }

    /** alpha = (x - mu_k) / (4 sigma_k), clipped to [-0.99, 0.99]; 0 for a mode of spread 0. */
    public double alpha(double x, int mode) {
        if (stds[mode] == 0) {
            return 0;
        }
        double a = (x - means[mode]) / (STD_MULTIPLIER * stds[mode]);
        return Math.max(-CLIP, Math.min(CLIP, a));
    }

    /** Writes alpha and then the one-hot of {@code mode} ({@code 1 + modes()} values) at {@code out[offset]}. */
    public void encode(double x, int mode, float[] out, int offset) {
        out[offset] = (float) alpha(x, mode);
        Arrays.fill(out, offset + 1, offset + 1 + modes(), 0f);
        out[offset + 1 + mode] = 1f;
    }

    /** mu_k + 4 sigma_k alpha: the value alpha stands for in mode k; a point mass's value whatever alpha is. */
    public double decode(double alpha, int mode) {
        return isPointMass(mode) ? means[mode] : means[mode] + STD_MULTIPLIER * stds[mode] * alpha;
    }

    /** Whether mode k is a point mass (spread 0): it stands for one value exactly. */
    public boolean isPointMass(int mode) {
        return stds[mode] == 0;
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (String key : List.of("weights", "means", "stds")) {
            double[] v = key.equals("weights") ? weights : key.equals("means") ? means : stds;
            Arrays.stream(v).forEach(o.putArray(key)::add);
        }
        return o;
    }

    /** The normalizer {@link #toJson} wrote; an IllegalArgumentException saying what is wrong otherwise. */
    static ModeSpecificNormalizer fromJson(JsonNode o) {
        double[][] v = new double[3][];
        List<String> keys = List.of("weights", "means", "stds");
        for (int i = 0; i < 3; i++) {
            JsonNode a = o.path(keys.get(i));
            if (!a.isArray()) {
                throw new IllegalArgumentException("the modes need \"" + keys.get(i) + "\": a list of numbers");
            }
            v[i] = new double[a.size()];
            for (int j = 0; j < a.size(); j++) {
                if (!a.get(j).isNumber()) {
                    throw new IllegalArgumentException("\"" + keys.get(i) + "\" holds " + a.get(j) + ", not a number");
                }
                v[i][j] = a.get(j).asDouble();
            }
        }
        return of(v[0], v[1], v[2]);
    }
}
