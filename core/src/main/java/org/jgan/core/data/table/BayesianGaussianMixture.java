package org.jgan.core.data.table;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional Gaussian mixture fit by variational inference with a Dirichlet-process (stick-breaking) prior on
 * the weights, Bishop 2006, "Pattern Recognition and Machine Learning", ch. 10.2, and Blei &amp; Jordan 2006,
 * "Variational inference for Dirichlet process mixtures". It is the model CTGAN's mode-specific normalisation fits
 * per continuous column (Xu et al. 2019, through scikit-learn's BayesianGaussianMixture) with the same settings:
 * weight concentration prior 0.001, mean precision prior 1, mean prior the data mean, 1 degree of freedom, covariance
 * prior the data variance, 1e-6 added to variances, k-means start, stop when the evidence lower bound moves less
 * than 0.001. The small concentration lets surplus components fade to near-zero weight, so the caller can keep only
 * the modes the data has.
 *
 * <p>Iterations: CTGAN stops after scikit-learn's default 100, before that fading is done. On 1000 draws of one
 * Gaussian, scikit-learn then reports no convergence and leaves 6 or 7 components of weight 0.05 to 0.3; run on,
 * it converges after 700 to 900 iterations with a single component of weight 0.999. This class runs to convergence
 * (at most {@value #MAX_ITER} iterations), so the modes kept are the modes the data has: the paper uses the
 * mixture "to estimate the number of modes".
 *
 * <p>One change: the data are standardised before fitting and the result mapped back. The model is otherwise
 * unchanged by a shift and scale of the data (its priors come from the data), but the fixed 1e-6 added to variances
 * is not; standardising makes it the same small share of every column's spread, whether prices or epoch seconds.
 */
final class BayesianGaussianMixture {
    static final double WEIGHT_CONCENTRATION_PRIOR = 1e-3;
    private static final double MEAN_PRECISION_PRIOR = 1;
    private static final double DOF_PRIOR = 1;
    private static final double REG_COVAR = 1e-6;
    static final int MAX_ITER = 1000;
    private static final double TOL = 1e-3;
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double TINY = 10 * Math.ulp(1.0); // keeps an emptied component's counts positive

    /** The fitted mixture in the data's units, with the lower bound after each iteration (for tests). */
    record Fit(double[] weights, double[] means, double[] stds, double[] bounds, boolean converged) {
    }

    private final double[] z;
    private final int k;
    private final double covPrior;
    // posterior parameters, one per component (standardised units)
    private final double[] a;
    private final double[] b;
    private final double[] beta;
    private final double[] mean;
    private final double[] dof;
    private final double[] cov;
    // sufficient statistics of the last E step
    private final double[] nk;
    private final double[] xk;
    private final double[] sk;

    private BayesianGaussianMixture(double[] z, int k) {
        this.z = z;
        this.k = k;
        this.covPrior = variance(z);
        a = new double[k];
        b = new double[k];
        beta = new double[k];
        mean = new double[k];
        dof = new double[k];
        cov = new double[k];
        nk = new double[k];
        xk = new double[k];
        sk = new double[k];
    }

    /**
     * Fits at most {@code maxComponents} components to {@code x} (finite, at least two distinct values), seeded.
     */
    static Fit fit(double[] x, int maxComponents, long seed) {
        double m = Arrays.stream(x).average().orElseThrow();
        double s = Math.sqrt(variance(x));
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - m) / s;
        }
        int k = (int) Math.min(maxComponents, Arrays.stream(z).distinct().limit(maxComponents).count());
        BayesianGaussianMixture g = new BayesianGaussianMixture(z, k);
        g.start(KMeans1d.labels(z, k, new SplittableRandom(seed)));
        double[] bounds = new double[MAX_ITER];
        boolean converged = false;
        int iter = 0;
        while (iter < MAX_ITER && !converged) {
            double entropy = g.expectation();
            g.maximization();
            bounds[iter] = g.lowerBound(entropy);
            converged = iter > 0 && Math.abs(bounds[iter] - bounds[iter - 1]) < TOL;
            iter++;
        }
        double[] w = g.weights();
        double[] mu = new double[k];
        double[] sd = new double[k];
        for (int j = 0; j < k; j++) {
            mu[j] = m + s * g.mean[j];
            sd[j] = s * Math.sqrt(g.cov[j]);
        }
        return new Fit(w, mu, sd, Arrays.copyOf(bounds, iter), converged);
    }

    /** Sample variance (n - 1 in the denominator, as numpy.cov, which sets scikit-learn's covariance prior). */
    static double variance(double[] x) {
        double m = Arrays.stream(x).average().orElseThrow();
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return x.length > 1 ? ss / (x.length - 1) : 0;
    }

    /** Parameters from hard k-means responsibilities (scikit-learn's init_params="kmeans"). */
    private void start(int[] labels) {
        Arrays.fill(nk, TINY);
        Arrays.fill(xk, 0);
        Arrays.fill(sk, 0);
        for (int i = 0; i < z.length; i++) {
            nk[labels[i]] += 1;
            xk[labels[i]] += z[i];
        }
        for (int j = 0; j < k; j++) {
            xk[j] /= nk[j];
        }
        for (int i = 0; i < z.length; i++) {
            double d = z[i] - xk[labels[i]];
            sk[labels[i]] += d * d;
        }
        for (int j = 0; j < k; j++) {
            sk[j] = sk[j] / nk[j] + REG_COVAR;
        }
        maximization();
    }

    /**
     * E step: responsibilities under the current posterior, folded straight into the statistics nk, xk, sk (the n x k
     * matrix is never stored). Returns the responsibilities' entropy, -sum r log r, for the lower bound.
     */
    private double expectation() {
        double[] c = new double[k];
        double[] logW = logWeights();
        for (int j = 0; j < k; j++) {
            // E[log N(x | mu, Lambda)] less the quadratic term: digamma and 1/beta terms of Bishop (10.64)-(10.65)
            double logLambda = Math.log(2) + SpecialFunctions.digamma(0.5 * dof[j]);
            c[j] = logW[j] - 0.5 * LOG_2PI - 0.5 * Math.log(cov[j]) - 0.5 * Math.log(dof[j])
                    + 0.5 * (logLambda - 1 / beta[j]);
        }
        double[] s0 = new double[k];
        double[] s1 = new double[k];
        double[] s2 = new double[k];
        double[] lp = new double[k];
        double entropy = 0;
        for (double x : z) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double d = x - mean[j];
                lp[j] = c[j] - 0.5 * d * d / cov[j];
                max = Math.max(max, lp[j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(lp[j] - max);
            }
            double norm = max + Math.log(sum);
            for (int j = 0; j < k; j++) {
                double logR = lp[j] - norm;
                double r = Math.exp(logR);
                s0[j] += r;
                s1[j] += r * x;
                s2[j] += r * x * x;
                entropy -= r * logR;
            }
        }
        for (int j = 0; j < k; j++) {
            nk[j] = s0[j] + TINY;
            xk[j] = s1[j] / nk[j];
            // variance from moments: the data are standardised, so the cancellation this risks stays tiny
            sk[j] = Math.max(0, s2[j] / nk[j] - xk[j] * xk[j]) + REG_COVAR;
        }
        return entropy;
    }

    /** M step: posterior parameters from the statistics (Bishop (10.58)-(10.63), stick-breaking weights). */
    private void maximization() {
        double tail = 0;
        for (int j = k - 1; j >= 0; j--) {
            a[j] = 1 + nk[j];
            b[j] = WEIGHT_CONCENTRATION_PRIOR + tail; // prior + the counts of the components after j
            tail += nk[j];
        }
        for (int j = 0; j < k; j++) {
            beta[j] = MEAN_PRECISION_PRIOR + nk[j];
            mean[j] = nk[j] * xk[j] / beta[j]; // mean prior 0: the data are standardised
            dof[j] = DOF_PRIOR + nk[j];
            double d = xk[j];
            cov[j] = (covPrior + nk[j] * sk[j] + nk[j] * MEAN_PRECISION_PRIOR / beta[j] * d * d) / dof[j];
        }
    }

    /** E[log pi_j] under the stick-breaking posterior. */
    private double[] logWeights() {
        double[] out = new double[k];
        double broken = 0; // sum over earlier sticks of E[log(1 - v_i)]
        for (int j = 0; j < k; j++) {
            double dsum = SpecialFunctions.digamma(a[j] + b[j]);
            out[j] = SpecialFunctions.digamma(a[j]) - dsum + broken;
            broken += SpecialFunctions.digamma(b[j]) - dsum;
        }
        return out;
    }

    /** The evidence lower bound up to a constant, as scikit-learn computes it, to tell when to stop. */
    private double lowerBound(double entropy) {
        double logWishart = 0;
        double logNormWeight = 0;
        double logBeta = 0;
        for (int j = 0; j < k; j++) {
            double logDetChol = -0.5 * Math.log(cov[j]) - 0.5 * Math.log(dof[j]);
            logWishart -= dof[j] * logDetChol + dof[j] * 0.5 * Math.log(2) + SpecialFunctions.logGamma(0.5 * dof[j]);
            logNormWeight -= SpecialFunctions.logBeta(a[j], b[j]);
            logBeta += Math.log(beta[j]);
        }
        return entropy - logWishart - logNormWeight - 0.5 * logBeta;
    }

    /** Expected weights: E[v_j] times the expected share the earlier sticks leave, normalised. */
    private double[] weights() {
        double[] w = new double[k];
        double left = 1;
        double total = 0;
        for (int j = 0; j < k; j++) {
            w[j] = a[j] / (a[j] + b[j]) * left;
            left *= b[j] / (a[j] + b[j]);
            total += w[j];
        }
        for (int j = 0; j < k; j++) {
            w[j] /= total;
        }
        return w;
    }
}
