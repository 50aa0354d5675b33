package org.jgan.metrics.video;

import java.util.Arrays;
import org.jgan.core.data.DataException;

/**
 * The two-sample Kolmogorov-Smirnov statistic (Kolmogorov 1933; Smirnov 1948): the largest gap between the empirical
 * distribution functions of two samples, {@code D = sup_x |F_a(x) - F_b(x)|}, in [0, 1]. 0 when the samples have the
 * same distribution of values, 1 when every value of one is below every value of the other. It is what scipy's
 * {@code ks_2samp} reports as the statistic; no p-value here, since the samples of a clip report are pooled over the
 * frames of a clip and are not independent.
 */
public final class KolmogorovSmirnov {
    private KolmogorovSmirnov() {
    }

    /** {@code D} of samples {@code a} and {@code b}, named in messages; both must be non-empty and free of NaN. */
    public static double statistic(double[] a, String aName, double[] b, String bName) {
        double[] x = sorted(a, aName);
        double[] y = sorted(b, bName);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            // Step past every copy of v in both samples before comparing: ties must move both functions at once.
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    private static double[] sorted(double[] v, String name) {
        if (v.length == 0) {
            throw new DataException(name + ": no values to compare (the Kolmogorov-Smirnov statistic needs at least "
                    + "one)");
        }
        double[] s = v.clone();
        Arrays.sort(s);
        if (Double.isNaN(s[s.length - 1])) {
            throw new DataException(name + ": holds NaN values; the Kolmogorov-Smirnov statistic needs numbers");
        }
        return s;
    }
}
