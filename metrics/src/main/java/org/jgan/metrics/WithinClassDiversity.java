package org.jgan.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.jgan.core.data.DataException;

/**
 * Within-class diversity of class-labelled samples. For each class c, D(c) is the mean Euclidean distance between the
 * features of every pair of images of class c (the pairwise-distance diversity score of Zhu et al. 2017, taken per
 * class as intra-FID takes FID per class, Miyato and Koyama 2018); the ratio D_gen(c) / D_real(c) is 1 when the
 * samples of a class are as varied as the real images of that class and falls towards 0 when a generator gives
 * near copies within a class. Class accuracy and class coverage cannot see that collapse; this can. The headline is
 * the mean ratio over the classes scored.
 *
 * <p>To bound the cost (quadratic in the images of a class), each side uses the first {@link #MAX_PER_CLASS} images
 * of every class in order, so the figure is deterministic; the mean pairwise distance does not depend on the sample
 * size in expectation, so the two sides need not have the same count. Distances are exact, accumulated in float64.
 * A class with fewer than 2 images on either side, or whose real images are all identical, is skipped.
 *
 * @param ratios D_gen(c) / D_real(c) for each class index c, NaN for classes skipped
 * @param mean   mean of the ratios of the scored classes
 */
public record WithinClassDiversity(double[] ratios, double mean) {
    /** At most this many images of each class, the first in order, enter the pairwise distances of either side. */
    public static final int MAX_PER_CLASS = 500;

    /**
     * The within-class diversity of {@code generated} (image i of class {@code labelOf(i)}) against {@code real}
     * (image i of class {@code realLabels[i]}), in the features' space; null when no class can be scored.
     */
    public static WithinClassDiversity of(FeatureSet generated, IntUnaryOperator labelOf, FeatureSet real,
                                          int[] realLabels) {
        if (generated.dim() != real.dim()) {
            throw new DataException(generated.source() + " has " + generated.dim() + "-d features but "
                    + real.source() + " has " + real.dim() + "-d ones; within-class diversity compares one space");
        }
        if (realLabels.length != real.count()) {
            throw new DataException(real.source() + ": " + realLabels.length + " labels for " + real.count()
                    + " images; the counts must match");
        }
        int[] genLabels = new int[generated.count()];
        for (int i = 0; i < genLabels.length; i++) {
            genLabels[i] = labelOf.applyAsInt(i);
        }
        return of(generated.features(), genLabels, real.features(), realLabels, generated.dim());
    }

    /**
     * As {@link #of(FeatureSet, IntUnaryOperator, FeatureSet, int[])} on plain row-major arrays of {@code dim}-d
     * features, one label per row; null when no class can be scored.
     */
    public static WithinClassDiversity of(float[] generated, int[] genLabels, float[] real, int[] realLabels,
                                          int dim) {
        if (dim < 1 || generated.length != (long) genLabels.length * dim
                || real.length != (long) realLabels.length * dim) {
            throw new IllegalArgumentException("within-class diversity: " + generated.length + " and " + real.length
                    + " feature values do not match " + genLabels.length + " and " + realLabels.length
                    + " labels of " + dim + "-d features");
        }
        int classes = Math.max(classCount(genLabels, "generated"), classCount(realLabels, "real"));
        List<List<Integer>> genRows = rowsByClass(genLabels, classes);
        List<List<Integer>> realRows = rowsByClass(realLabels, classes);
        double[] ratios = new double[classes];
        double sum = 0;
        int scored = 0;
        for (int c = 0; c < classes; c++) {
            ratios[c] = Double.NaN;
            if (genRows.get(c).size() < 2 || realRows.get(c).size() < 2) {
                continue;
            }
            double dReal = meanPairwiseDistance(real, dim, realRows.get(c));
            if (dReal > 0) { // identical real images leave the ratio undefined
                ratios[c] = meanPairwiseDistance(generated, dim, genRows.get(c)) / dReal;
                sum += ratios[c];
                scored++;
            }
        }
        return scored == 0 ? null : new WithinClassDiversity(ratios, sum / scored);
    }

    /** Number of classes that have a ratio. */
    public int scored() {
        return (int) Arrays.stream(ratios).filter(r -> !Double.isNaN(r)).count();
    }

    /** The ratios by class index, null for classes skipped (JSON has no NaN). */
    public List<Double> perClass() {
        List<Double> out = new ArrayList<>(ratios.length);
        for (double r : ratios) {
            out.add(Double.isNaN(r) ? null : r);
        }
        return out;
    }

    /** Mean Euclidean distance over the i &lt; j pairs of {@code rows} of {@code features}, in float64. */
    static double meanPairwiseDistance(float[] features, int dim, List<Integer> rows) {
        int n = rows.size();
        double[][] x = new double[n][dim];
        for (int i = 0; i < n; i++) {
            int off = rows.get(i) * dim;
            for (int k = 0; k < dim; k++) {
                x[i][k] = features[off + k];
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] a = x[i];
            for (int j = i + 1; j < n; j++) {
                double[] b = x[j];
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    double d = a[k] - b[k];
                    s += d * d;
                }
                total += Math.sqrt(s);
            }
        }
        return total / (n * (n - 1) / 2.0);
    }

    private static int classCount(int[] labels, String side) {
        int max = -1;
        for (int l : labels) {
            if (l < 0) {
                throw new DataException("within-class diversity: the " + side + " images have a negative class "
                        + "label (" + l + ")");
            }
            max = Math.max(max, l);
        }
        return max + 1;
    }

    /** The first {@link #MAX_PER_CLASS} row indices of each class, in order. */
    private static List<List<Integer>> rowsByClass(int[] labels, int classes) {
        List<List<Integer>> rows = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            List<Integer> r = rows.get(labels[i]);
            if (r.size() < MAX_PER_CLASS) {
                r.add(i);
            }
        }
        return rows;
    }
}
