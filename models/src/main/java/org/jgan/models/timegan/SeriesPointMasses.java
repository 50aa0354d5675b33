package org.jgan.models.timegan;

import java.util.Arrays;
import org.jgan.core.data.table.PointMasses;

/**
 * The value each temporal feature holds exactly on a large share of its steps (the 0 of a precipitation series on dry
 * days), found as a table column's point masses are ({@link PointMasses}, after CTAB-GAN's mixed columns, Zhao et
 * al. 2021), and how generated windows get it back. TimeGAN's recovery network (Yoon et al. 2019) writes every value
 * through a sigmoid, so it never writes the mass exactly: on seattle-weather 57% of the real days were dry and no
 * synthetic day was, 22% came out below 0.1 mm and the rest as drizzle. A generated value within a band around the
 * mass becomes the mass. The band's half-width is chosen per feature so that a reference sample of the same generator
 * has the real share in it: then the rule keeps the generator's order (its driest steps become the dry ones, so dry
 * spells stay where it put them) and does not depend on how many windows are asked for, or with which seed.
 *
 * @param features the indices of the features with a point mass (temporal features only)
 * @param values   each one's mass, in the data's units
 * @param shares   the share of that feature's values at its mass in the training windows
 */
record SeriesPointMasses(int[] features, float[] values, double[] shares) {
    /** Windows of the reference sample that sets the bands, and its latent seed. */
    static final int REFERENCE = 1000;
    static final long REFERENCE_SEED = 0x5eed0fdL;
    static final SeriesPointMasses NONE = new SeriesPointMasses(new int[0], new float[0], new double[0]);

    /** The most frequent point mass of each temporal feature of {@code w} that has one. */
    static SeriesPointMasses of(SeriesWindows w) {
        int f = w.features().size();
        int[] features = new int[f];
        float[] values = new float[f];
        double[] shares = new double[f];
        int n = 0;
        for (int k = w.statics(); k < f; k++) {
            double[] column = new double[w.count() * w.steps()];
            for (int i = 0; i < column.length; i++) {
                column[i] = w.values()[i * f + k];
            }
            PointMasses m = PointMasses.of(column);
            if (m.values().length > 0) {
                features[n] = k;
                values[n] = (float) m.values()[0];
                shares[n++] = m.shares()[0];
            }
        }
        return new SeriesPointMasses(Arrays.copyOf(features, n), Arrays.copyOf(values, n), Arrays.copyOf(shares, n));
    }

    boolean isEmpty() {
        return features.length == 0;
    }

    /**
     * Each mass's band, the half-width around it that holds its real share of {@code reference}'s values (windows x
     * steps x {@code f} values in the data's units, from the generator that {@link #snap} will be given values of).
     */
    double[] bands(float[] reference, int f) {
        double[] bands = new double[features.length];
        for (int j = 0; j < features.length; j++) {
            double[] d = new double[reference.length / f];
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.abs(reference[i * f + features[j]] - values[j]);
            }
            Arrays.sort(d);
            int at = (int) Math.ceil(shares[j] * d.length) - 1;
            bands[j] = at < 0 ? -1 : d[Math.min(at, d.length - 1)];
        }
        return bands;
    }

    /**
     * {@code v} (windows x steps x {@code f} values in the data's units) with every value within its mass's band
     * ({@link #bands}) set to the mass.
     */
    float[] snap(float[] v, double[] bands, int f) {
        float[] out = v.clone();
        for (int j = 0; j < features.length; j++) {
            float m = values[j];
            for (int i = features[j]; i < out.length; i += f) {
                if (Math.abs(out[i] - m) <= bands[j]) {
                    out[i] = m;
                }
            }
        }
        return out;
    }
}
