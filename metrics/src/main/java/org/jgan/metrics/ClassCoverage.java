package org.jgan.metrics;

import org.jgan.core.data.DataException;

/**
 * Which classes the samples fall into, by the classifier's top prediction: the histogram, how many classes get a
 * fair share (at least half the share a uniform spread would give, 1 / (2K)), and the entropy of the histogram
 * divided by log K (1 = perfectly even, 0 = one class). A generator that collapses onto a few modes loses classes
 * and entropy long before FID says why (cf. the mode-counting of Srivastava et al. 2017 on stacked MNIST).
 *
 * @param histogram samples predicted as each class
 * @param covered   classes with at least a fair share
 * @param entropy   normalised entropy of the histogram, in [0, 1]
 */
public record ClassCoverage(int[] histogram, int covered, double entropy) {
    /** A class has a fair share when it gets at least this fraction of a uniform share. */
    public static final double FAIR_SHARE = 0.5;

    public int classes() {
        return histogram.length;
    }

    public static ClassCoverage of(FeatureSet f) {
        if (!f.hasProbs()) {
            throw new DataException(f.source() + ": the " + f.extractor() + " features have no class probabilities; "
                    + "class coverage needs a classifier");
        }
        int k = f.classes();
        int[] hist = new int[k];
        float[] p = f.probs();
        for (int i = 0; i < f.count(); i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (p[i * k + c] > p[i * k + best]) {
                    best = c;
                }
            }
            hist[best]++;
        }
        return of(hist);
    }

    public static ClassCoverage of(int[] hist) {
        int k = hist.length;
        long n = 0;
        for (int h : hist) {
            n += h;
        }
        int covered = 0;
        double entropy = 0;
        for (int h : hist) {
            if (h >= FAIR_SHARE * n / k) {
                covered++;
            }
            if (h > 0) {
                double q = h / (double) n;
                entropy -= q * Math.log(q);
            }
        }
        return new ClassCoverage(hist.clone(), covered, k > 1 ? entropy / Math.log(k) : 1.0);
    }
}
