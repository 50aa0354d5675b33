package org.jgan.metrics;

import org.jgan.core.data.DataException;

/**
 * Inception Score (Salimans et al. 2016): {@code exp(E_x KL(p(y|x) || p(y)))} over a classifier's softmax, computed on
 * 10 equal splits and reported as mean and standard deviation across them, as the original code does. With jgan's
 * built-in classifier it is an "Inception-style" score over Fashion-MNIST's 10 classes: at most 10, high when
 * samples are confidently classified and spread over the classes.
 */
public final class InceptionScore {
    public static final int SPLITS = 10;

    private InceptionScore() {
    }

    public record Result(double mean, double std, int splits) {
    }

    public static Result compute(FeatureSet f) {
        return compute(f, SPLITS);
    }

    public static Result compute(FeatureSet f, int splits) {
        if (!f.hasProbs()) {
            throw new DataException(f.source() + ": the " + f.extractor() + " features have no class probabilities; "
                    + "the Inception Score needs a classifier");
        }
        int n = f.count();
        int k = f.classes();
        if (n < splits) {
            throw new DataException(f.source() + ": " + n + " samples cannot be cut into " + splits + " splits");
        }
        float[] p = f.probs();
        double[] scores = new double[splits];
        for (int s = 0; s < splits; s++) {
            int from = (int) ((long) s * n / splits);
            int to = (int) ((long) (s + 1) * n / splits);
            double[] py = new double[k];
            for (int i = from; i < to; i++) {
                for (int c = 0; c < k; c++) {
                    py[c] += p[i * k + c] / (double) (to - from);
                }
            }
            double kl = 0;
            for (int i = from; i < to; i++) {
                for (int c = 0; c < k; c++) {
                    double q = p[i * k + c];
                    if (q > 0) { // 0 log 0 = 0, the limit
                        kl += q * (Math.log(q) - Math.log(py[c]));
                    }
                }
            }
            scores[s] = Math.exp(kl / (to - from));
        }
        double mean = 0;
        for (double v : scores) {
            mean += v / splits;
        }
        double var = 0;
        for (double v : scores) {
            var += (v - mean) * (v - mean) / splits;
        }
        return new Result(mean, Math.sqrt(var), splits);
    }
}
