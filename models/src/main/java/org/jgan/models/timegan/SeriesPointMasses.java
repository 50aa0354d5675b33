package org.jgan.models.timegan;

import java.util.ArrayList;
import java.util.List;
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
        List<double[]> found = new ArrayList<>();
        for (int k = w.statics(); k < f; k++) {
            double[] column = new double[w.count() * w.steps()];
            for (int i = 0; i < column.length; i++) {
                column[i] = w.values()[i * f + k];
            }
            PointMasses m = PointMasses.of(column);
            if (m.values().length > 0) {
                found.add(new double[]{k, m.values()[0], m.shares()[0]});
            }
        }
        int[] features = new int[found.size()];
        float[] values = new float[found.size()];
        double[] shares = new double[found.size()];
        for (int j = 0; j < features.length; j++) {
            features[j] = (int) found.get(j)[0];
            values[j] = (float) found.get(j)[1];
            shares[j] = found.get(j)[2];
        }
        return new SeriesPointMasses(features, values, shares);
    }

    boolean isEmpty() {
        return features.length == 0;
    }

    /**
     * {@code v} (windows x steps x {@code f} values in the data's units) with each mass feature's values within its
     * band set to the mass; the bands from {@code reference}, values of the same layout from the same generator.
     */
    float[] snap(float[] v, float[] reference, int f) {
        float[] out = v.clone();
        for (int j = 0; j < features.length; j++) {
            int k = features[j];
            float m = values[j];
            double[] d = new double[reference.length / f];
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.abs(reference[i * f + k] - m);
            }
            java.util.Arrays.sort(d);
            // the half-width that holds the real share of the reference's values
            int at = (int) Math.ceil(shares[j] * d.length) - 1;
            double band = at < 0 ? -1 : d[Math.min(at, d.length - 1)];
            for (int i = k; i < out.length; i += f) {
                if (Math.abs(out[i] - m) <= band) {
                    out[i] = m;
                }
            }
        }
        return out;
    }
}
