package org.jgan.metrics;

import java.io.Serializable;

/**
 * The sufficient statistics of the Inception Score (Salimans et al. 2016) and of class coverage over samples spread
 * across partitions: the count, the sum of {@code p log p} over every sample's class probabilities, the sum of the
 * probabilities per class and the histogram of each sample's most likely class. Partitions add their own samples and
 * merge in any order; the finished scores equal {@link InceptionScore#compute(FeatureSet, int)} with one split and
 * {@link ClassCoverage#of(FeatureSet)} on all samples together (the IS of 10 splits depends on the order of the
 * samples, which partitions do not keep). Plain Java, {@link Serializable}, mutable as Spark's aggregators are.
 */
public final class ClassSums implements Serializable {
    private static final long serialVersionUID = 1L;

    private long count;
    private double plogp;
    private final double[] sum;
    private final int[] hist;

    private ClassSums(int classes) {
        this.sum = new double[classes];
        this.hist = new int[classes];
    }

    /** No samples yet, of {@code classes} classes. */
    public static ClassSums empty(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("class sums need at least 1 class, got " + classes);
        }
        return new ClassSums(classes);
    }

    /** Adds the class probabilities of {@code f}'s samples; returns this. */
    public ClassSums add(FeatureSet f) {
        if (!f.hasProbs() || f.classes() != sum.length) {
            throw new IllegalArgumentException(f.source() + ": needs class probabilities over " + sum.length
                    + " classes");
        }
        int k = sum.length;
        float[] p = f.probs();
        for (int i = 0; i < f.count(); i++) {
            int best = 0;
            for (int c = 0; c < k; c++) {
                double q = p[i * k + c];
                if (q > 0) {
                    plogp += q * Math.log(q);  // 0 log 0 = 0, the limit
                }
                sum[c] += q;
                if (q > p[i * k + best]) {
                    best = c;
                }
            }
            hist[best]++;
        }
        count += f.count();
        return this;
    }

    /** Adds {@code other}'s samples to this; returns this. */
    public ClassSums merge(ClassSums other) {
        if (other.sum.length != sum.length) {
            throw new IllegalArgumentException("class sums of " + other.sum.length + " and " + sum.length + " classes");
        }
        count += other.count;
        plogp += other.plogp;
        for (int c = 0; c < sum.length; c++) {
            sum[c] += other.sum[c];
            hist[c] += other.hist[c];
        }
        return this;
    }

    public long count() {
        return count;
    }

    /** exp(E KL(p(y|x) || p(y))) = exp(mean p log p - sum_y p(y) log p(y)) over all samples as one split. */
    public double inceptionScore() {
        double h = 0;
        for (double s : sum) {
            double py = s / count;
            if (py > 0) {
                h += py * Math.log(py);
            }
        }
        return Math.exp(plogp / count - h);
    }

    /** The class coverage of all samples. */
    public ClassCoverage coverage() {
        return ClassCoverage.of(hist.clone());
    }
}
