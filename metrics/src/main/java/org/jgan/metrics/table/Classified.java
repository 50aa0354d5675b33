package org.jgan.metrics.table;

import java.util.List;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A classifier's predictions on test rows, scored per class of a fixed list: accuracy, F1 per class and their mean
 * (macro-F1, as Tribuo and scikit-learn define it: F1 = 2 TP / (2 TP + FP + FN), 0 for a class never true nor
 * predicted). Test rows of a class outside the list count as errors.
 */
record Classified(double accuracy, double[] f1, long[] support) {
    /** Scores {@code model} on {@code test} over {@code classes}. */
    static Classified of(Model<Label> model, Dataset<Label> test, List<String> classes) {
        int k = classes.size();
        long[] tp = new long[k];
        long[] fp = new long[k];
        long[] fn = new long[k];
        long[] support = new long[k];
        long right = 0;
        long n = 0;
        for (Example<Label> e : test) {
            String truth = e.getOutput().getLabel();
            String guess = model.predict(e).getOutput().getLabel();
            int t = classes.indexOf(truth);
            int g = classes.indexOf(guess);
            n++;
            if (t >= 0) {
                support[t]++;
            }
            if (truth.equals(guess)) {
                right++;
                if (t >= 0) {
                    tp[t]++;
                }
            } else {
                if (g >= 0) {
                    fp[g]++;
                }
                if (t >= 0) {
                    fn[t]++;
                }
            }
        }
        double[] f1 = new double[k];
        for (int i = 0; i < k; i++) {
            long d = 2 * tp[i] + fp[i] + fn[i];
            f1[i] = d == 0 ? 0 : 2.0 * tp[i] / d;
        }
        return new Classified(n == 0 ? Double.NaN : (double) right / n, f1, support);
    }

    /** The mean of the per-class F1s. */
    double macroF1() {
        double s = 0;
        for (double v : f1) {
            s += v;
        }
        return f1.length == 0 ? Double.NaN : s / f1.length;
    }
}
