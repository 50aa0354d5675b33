package org.jgan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jgan.core.data.DataException;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeatureMomentsTest {
    /** Uneven partitions, with a single sample and two empty ones; 600 samples in all. */
    static final int[] SIZES = {250, 1, 0, 97, 0, 180, 72};

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** {@code n} samples of {@code offset + A z}, z ~ N(0, I), A random: a full (correlated) covariance. */
    static FeatureSet correlated(int n, int d, double offset, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[d * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = Fixtures.normal(r) / Math.sqrt(d);
        }
        float[] f = new float[n * d];
        double[] z = new double[d];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < d; j++) {
                z[j] = Fixtures.normal(r);
            }
            for (int i = 0; i < d; i++) {
                double v = offset + 0.1 * i;
                for (int j = 0; j < d; j++) {
                    v += a[i * d + j] * z[j];
                }
                f[s * d + i] = (float) v;
            }
        }
        return new FeatureSet("correlated(" + offset + ")", "test", n, d, f, 0, null);
    }

    /** The partitions of {@code all} by {@link #SIZES}, each filled through a different entry point. */
    static List<FeatureMoments> partitions(FeatureSet all) {
        List<FeatureMoments> parts = new ArrayList<>();
        int start = 0;
        for (int p = 0; p < SIZES.length; p++) {
            int n = SIZES[p];
            FeatureMoments m = FeatureMoments.empty(all.dim());
            if (n == 1) {
                double[] row = new double[all.dim()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = all.features()[start * all.dim() + j];
                }
                m.add(row);
            } else if (n > 0 && p % 2 == 0) {
                m.add(all.subset(java.util.stream.IntStream.range(start, start + n).toArray(), "part " + p));
            } else if (n > 0) {
                float[][] rows = new float[n][all.dim()];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(all.features(), (start + i) * all.dim(), rows[i], 0, all.dim());
                }
                m.add(rows);
            }
            start += n;
            parts.add(m);
        }
        assertEquals(all.count(), start);
        return parts;
    }

    static FeatureMoments leftFold(List<FeatureMoments> p) {
        FeatureMoments acc = FeatureMoments.empty(p.get(0).dim());
        for (FeatureMoments m : p) {
            acc.merge(m);
        }
        return acc;
    }

    static FeatureMoments rightFold(List<FeatureMoments> p) {
        FeatureMoments acc = p.get(p.size() - 1);
        for (int i = p.size() - 2; i >= 0; i--) {
            acc = p.get(i).merge(acc);
        }
        return acc;
    }

    /** Pairs neighbours level by level, as Spark's treeReduce does. */
    static FeatureMoments balanced(List<FeatureMoments> p) {
        List<FeatureMoments> level = p;
        while (level.size() > 1) {
            List<FeatureMoments> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? level.get(i).merge(level.get(i + 1)) : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }

    static FeatureMoments shuffled(List<FeatureMoments> p) {
        List<FeatureMoments> q = new ArrayList<>(p);
        Collections.shuffle(q, new Random(7));
        return balanced(q);
    }

    static final List<Function<List<FeatureMoments>, FeatureMoments>> SHAPES =
            List.of(FeatureMomentsTest::leftFold, FeatureMomentsTest::rightFold, FeatureMomentsTest::balanced,
                    FeatureMomentsTest::shuffled);

    /** Largest |mu_i - e_i| / max(|e_i|, std_i): relative to the mean, or to the spread where the mean is near 0. */
    static double meanError(FidStats expected, FidStats actual) {
        double worst = 0;
        int d = expected.dim();
        for (int i = 0; i < d; i++) {
            double scale = Math.max(Math.abs(expected.mu()[i]), Math.sqrt(expected.sigma()[i * d + i]));
            worst = Math.max(worst, Math.abs(actual.mu()[i] - expected.mu()[i]) / scale);
        }
        return worst;
    }

    /** Largest |s_ij - e_ij| / sqrt(e_ii e_jj): relative to the entry's own scale (off-diagonals may be near 0). */
    static double covError(FidStats expected, double[] actual) {
        double worst = 0;
        int d = expected.dim();
        double[] e = expected.sigma();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double scale = Math.sqrt(e[i * d + i] * e[j * d + j]);
                worst = Math.max(worst, Math.abs(actual[i * d + j] - e[i * d + j]) / scale);
            }
        }
        return worst;
    }

    /** Every tree shape gives FidStats.of's statistics of all samples; returns the largest errors seen. */
    static double[] checkAllShapes(FeatureSet all, FidStats reference, String what) {
        FidStats exact = FidStats.of(all);
        double fid = Fid.distance(exact, reference);
        List<FeatureMoments> parts = partitions(all);
        double[] worst = new double[3];
        for (int s = 0; s < SHAPES.size(); s++) {
            List<FeatureMoments> copies = parts.stream().map(FeatureMoments::copy).toList();
            FidStats merged = SHAPES.get(s).apply(copies).toFidStats("merged");
            assertEquals(all.count(), merged.count());
            double[] e = {meanError(exact, merged), covError(exact, merged.sigma()),
                    Math.abs(Fid.distance(merged, reference) - fid) / fid};
            System.out.printf("%s shape %d: mean %.1e, cov %.1e, FID %.1e (relative)%n", what, s, e[0], e[1], e[2]);
            assertTrue(e[0] < 1e-12 && e[1] < 1e-12 && e[2] < 1e-9, what + " shape " + s + ": mean " + e[0]
                    + ", cov " + e[1] + ", FID " + e[2]);
            for (int k = 0; k < 3; k++) {
                worst[k] = Math.max(worst[k], e[k]);
            }
        }
        return worst;
    }

    @Test
    void partitionsMergeInAnyTreeShapeToTheStatisticsOfAllSamples() {
        checkAllShapes(correlated(600, 16, 0, 1), FidStats.of(correlated(500, 16, 0.3, 2)), "offset 0");
    }

    @Test
    void onePartitionIsFidStatsOf() {
        // Same float64 two-pass arithmetic as FidStats.of; only the division by n - 1 may round differently.
        FeatureSet f = correlated(300, 8, 1, 3);
        FidStats exact = FidStats.of(f);
        FidStats one = FeatureMoments.of(f).toFidStats("one");
        assertArrayEquals(exact.mu(), one.mu());
        assertTrue(covError(exact, one.sigma()) < 1e-15, "cov " + covError(exact, one.sigma()));
    }

    @Test
    void largeCommonOffsetKeepsItsDigits() {
        // Features 1e4 + N(0, 1): a raw-sum covariance (S - n m m^T) / (n - 1) keeps about 6 of float64's 16
        // digits (1e-6 relative error, measured); the pairwise merge about 13 (2e-13).
        FeatureSet all = correlated(600, 16, 1e4, 4);
        double[] worst = checkAllShapes(all, FidStats.of(correlated(500, 16, 1e4 + 0.3, 5)), "offset 1e4");
        double raw = covError(FidStats.of(all), rawSumCovariance(all));
        System.out.printf("offset 1e4: raw sums cov %.1e vs pairwise merge %.1e (relative)%n", raw, worst[1]);
        // The raw-sum route would fail the tolerance the merge meets by orders of magnitude; this shows why the
        // class keeps centered co-moments (if raw sums ever passed here, the test data would no longer show it).
        assertTrue(raw > 1e-9, "raw sums lost no digits: " + raw);
        assertTrue(worst[1] < raw / 1000, "merge " + worst[1] + " vs raw " + raw);
    }

    /** The formulation the class avoids, for comparison: float64 running sums of x and of x x^T. */
    static double[] rawSumCovariance(FeatureSet f) {
        int d = f.dim();
        double[] s = new double[d];
        double[] ss = new double[d * d];
        for (int r = 0; r < f.count(); r++) {
            for (int i = 0; i < d; i++) {
                double xi = f.features()[r * d + i];
                s[i] += xi;
                for (int j = 0; j < d; j++) {
                    ss[i * d + j] += xi * f.features()[r * d + j];
                }
            }
        }
        double n = f.count();
        double[] cov = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cov[i * d + j] = (ss[i * d + j] - s[i] * s[j] / n) / (n - 1);
            }
        }
        return cov;
    }

    @Test
    void mergeUpdatesThisLeavesOtherAndCountsSelfTwice() {
        FeatureMoments a = FeatureMoments.of(correlated(40, 4, 0, 6));
        FeatureMoments b = FeatureMoments.of(correlated(30, 4, 2, 7));
        FidStats bBefore = b.toFidStats();
        assertSame(a, a.merge(b));
        assertEquals(70, a.count());
        assertArrayEquals(bBefore.sigma(), b.toFidStats().sigma());
        FidStats twice = a.copy().merge(a.copy()).toFidStats();
        FidStats self = a.merge(a).toFidStats();
        assertEquals(140, a.count());
        assertArrayEquals(twice.mu(), self.mu());
        assertArrayEquals(twice.sigma(), self.sigma());
    }

    @Test
    void survivesJavaSerialization() throws IOException, ClassNotFoundException {
        FeatureMoments m = FeatureMoments.of(correlated(50, 6, 3, 8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(m);
        }
        FeatureMoments back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (FeatureMoments) in.readObject();
        }
        assertEquals(m.count(), back.count());
        assertArrayEquals(m.toFidStats().mu(), back.toFidStats().mu());
        assertArrayEquals(m.toFidStats().sigma(), back.toFidStats().sigma());
        // Still a working accumulator after the trip.
        assertEquals(100, back.merge(m).count());
    }

    @Test
    void refusesTooFewSamples() {
        DataException none = assertThrows(DataException.class, () -> FeatureMoments.empty(1).toFidStats("p"));
        assertTrue(none.getMessage().contains("0 samples") && none.getMessage().contains("undefined")
                && none.getMessage().contains("at least 2"), none.getMessage());
        DataException one = assertThrows(DataException.class,
                () -> FeatureMoments.empty(1).add(new double[]{3}).toFidStats("p"));
        assertTrue(one.getMessage().startsWith("p: 1 samples"), one.getMessage());
        FeatureMoments two = FeatureMoments.empty(1).add(new double[]{3}).add(new double[]{5});
        assertEquals(2.0, two.toFidStats().sigma()[0], 1e-15);
        // As FidStats.of: n <= d gives a singular covariance.
        DataException singular = assertThrows(DataException.class,
                () -> FeatureMoments.of(correlated(4, 4, 0, 9)).toFidStats("p"));
        assertTrue(singular.getMessage().contains("singular") && singular.getMessage().contains("at least 5"),
                singular.getMessage());
    }

    @Test
    void refusesMismatchedDimensionsAndBadRows() {
        FeatureMoments m = FeatureMoments.empty(4);
        DataException merge = assertThrows(DataException.class, () -> m.merge(FeatureMoments.empty(3)));
        assertTrue(merge.getMessage().contains("3-d") && merge.getMessage().contains("4-d"), merge.getMessage());
        DataException set = assertThrows(DataException.class, () -> m.add(correlated(10, 5, 0, 10)));
        assertTrue(set.getMessage().startsWith("correlated(0.0) has 5-d"), set.getMessage());
        assertThrows(DataException.class, () -> m.add(new double[3]));
        assertThrows(DataException.class, () -> m.add(new float[][]{new float[4], new float[5]}));
        DataException nan = assertThrows(DataException.class, () -> m.add(new double[]{0, Double.NaN, 0, 0}));
        assertTrue(nan.getMessage().contains("feature 1"), nan.getMessage());
        assertEquals(0, m.count());
        assertThrows(IllegalArgumentException.class, () -> FeatureMoments.empty(0));
    }
}
