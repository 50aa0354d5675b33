package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModeSpecificNormalizerTest {
    private static double[] gaussians(long seed, int[] counts, double[] means, double[] stds) {
        Random r = new Random(seed);
        double[] x = new double[Arrays.stream(counts).sum()];
        int i = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int j = 0; j < counts[c]; j++) {
                x[i++] = means[c] + stds[c] * r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void aBimodalColumnKeepsTwoModesAtTheRightMeans() {
        double[] x = gaussians(1, new int[]{600, 400}, new double[]{-5, 10}, new double[]{1, 2});
        ModeSpecificNormalizer n = ModeSpecificNormalizer.fit(x, 7);
        assertEquals(2, n.modes(), Arrays.toString(n.weights()));
        assertEquals(-5, n.means()[0], 0.2);
        assertEquals(10, n.means()[1], 0.3);
        assertEquals(1, n.stds()[0], 0.15);
        assertEquals(2, n.stds()[1], 0.3);
        assertEquals(0.6, n.weights()[0], 0.03);
        assertEquals(0, n.likeliestMode(-4));
        assertEquals(1, n.likeliestMode(9));
    }

    @Test
    void aSingleGaussianHasOneDominantMode() {
        double[] x = gaussians(2, new int[]{1000}, new double[]{3}, new double[]{0.5});
        ModeSpecificNormalizer n = ModeSpecificNormalizer.fit(x, 7);
        double[] w = n.weights();
        int top = 0;
        for (int j = 1; j < w.length; j++) {
            top = w[j] > w[top] ? j : top;
        }
        assertTrue(w[top] > 0.9, Arrays.toString(w));
        assertEquals(3, n.means()[top], 0.1);
    }

    @Test
    void encodingRoundTrips() {
        double[] x = gaussians(3, new int[]{500, 500}, new double[]{0, 1000}, new double[]{10, 50});
        ModeSpecificNormalizer n = ModeSpecificNormalizer.fit(x, 1);
        float[] row = new float[1 + n.modes()];
        SplittableRandom rng = new SplittableRandom(5);
        double worst = 0;
        for (double v : x) {
            int k = n.likeliestMode(v);
            assertEquals(v, n.decode(n.alpha(v, k), k), 1e-9, "exact in doubles within 3.96 sigma of the mode");
            n.encode(v, k, row, 0);
            assertEquals(1f, row[1 + k]);
            assertEquals(1.0, sum(row) - row[0], 0);
            worst = Math.max(worst, Math.abs(n.decode(row[0], k) - v));
            int s = n.sampleMode(v, rng);
            if (Math.abs(n.alpha(v, s)) < ModeSpecificNormalizer.CLIP) {
                assertEquals(v, n.decode(n.alpha(v, s), s), 1e-9);
            }
        }
        assertTrue(worst < 1e-3, "float alpha costs about 1e-7 of 4 sigma, got " + worst);
    }

    @Test
    void sampledModesFollowTheirProbabilities() {
        ModeSpecificNormalizer n = ModeSpecificNormalizer.of(new double[]{0.5, 0.5}, new double[]{-1, 1},
                new double[]{1, 1});
        // at x = 0 both modes are equally likely; at 0.5 the odds are e^1 : 1 for the upper one
        double[] p = n.modeProbabilities(0.5);
        assertEquals(Math.E / (1 + Math.E), p[1], 1e-12);
        SplittableRandom rng = new SplittableRandom(11);
        int upper = 0;
        for (int i = 0; i < 20000; i++) {
            upper += n.sampleMode(0.5, rng);
        }
        assertEquals(p[1], upper / 20000.0, 0.01);
        assertEquals(0.99, n.alpha(100, 1), 0, "clipped");
        assertEquals(-0.99, n.alpha(-100, 0), 0);
    }

    @Test
    void constantColumnsHaveOneModeAndNoNaN() {
        double[] x = new double[50];
        Arrays.fill(x, 42.5);
        ModeSpecificNormalizer n = ModeSpecificNormalizer.fit(x, 3);
        assertEquals(1, n.modes());
        assertEquals(0, n.alpha(42.5, 0));
        assertEquals(0, n.alpha(43, 0), "a mode of spread 0 has no scale to place other values on");
        assertEquals(42.5, n.decode(0.7, 0));
        // two distinct values in equal shares: each is a point mass
        double[] two = new double[100];
        for (int i = 0; i < two.length; i++) {
            two[i] = i % 2 == 0 ? 1 : 2;
        }
        ModeSpecificNormalizer m = ModeSpecificNormalizer.fit(two, 3);
        assertEquals(2, m.modes());
        for (double v : new double[]{1, 2}) {
            int k = m.likeliestMode(v);
            assertTrue(m.isPointMass(k));
            assertEquals(v, m.decode(m.alpha(v, k), k), 0);
        }
        // two rare values beside a mass: the mixture fits them, with spreads above 0 and no NaN
        double[] rare = new double[200];
        for (int i = 180; i < rare.length; i++) {
            rare[i] = i % 2 == 0 ? 1 : 2;
        }
        ModeSpecificNormalizer r = ModeSpecificNormalizer.fit(rare, 3);
        assertTrue(r.isPointMass(r.likeliestMode(0)));
        for (double v : new double[]{1, 2}) {
            int k = r.likeliestMode(v);
            assertTrue(!r.isPointMass(k) && Double.isFinite(r.alpha(v, k)), "mode " + k + " of " + v);
            assertEquals(v, r.decode(r.alpha(v, k), k), 1e-9);
        }
    }

    @Test
    void sameSeedSameModes() {
        double[] x = gaussians(4, new int[]{300, 300, 300}, new double[]{-3, 0, 3}, new double[]{1, 1, 1});
        ModeSpecificNormalizer a = ModeSpecificNormalizer.fit(x, 9);
        ModeSpecificNormalizer b = ModeSpecificNormalizer.fit(x, 9);
        assertArrayEquals(a.means(), b.means());
        assertArrayEquals(a.weights(), b.weights());
        ModeSpecificNormalizer back = ModeSpecificNormalizer.fromJson(a.toJson());
        assertArrayEquals(a.stds(), back.stds());
    }

    @Test
    void badInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModeSpecificNormalizer.fit(new double[0], 1));
        String nan = assertThrows(IllegalArgumentException.class,
                () -> ModeSpecificNormalizer.fit(new double[]{1, Double.NaN}, 1)).getMessage();
        assertTrue(nan.contains("value 1 is NaN"), nan);
        assertThrows(IllegalArgumentException.class, () -> ModeSpecificNormalizer.of(new double[]{1, 1},
                new double[]{0, 1}, new double[]{1, -1}));
        String twice = assertThrows(IllegalArgumentException.class, () -> ModeSpecificNormalizer.of(
                new double[]{1, 1}, new double[]{0, 0}, new double[]{0, 0})).getMessage();
        assertTrue(twice.contains("both point masses at 0.0"), twice);
    }

    @Test
    void aZeroInflatedColumnKeepsItsZerosExact() {
        // 40% exact zeros, the rest a skewed spread of amounts: a precipitation column
        Random r = new Random(8);
        double[] x = new double[2000];
        for (int i = 800; i < x.length; i++) {
            x[i] = Math.rint(10 * (0.1 + 5 * Math.abs(r.nextGaussian()))) / 10;
        }
        ModeSpecificNormalizer n = ModeSpecificNormalizer.fit(x, 4);
        int zero = n.likeliestMode(0);
        assertEquals(0, n.stds()[zero], "the zeros are a point mass");
        assertEquals(0.4, n.weights()[zero], 0.005, "its share, up to the dropped tiny Gaussian modes' weight");
        assertEquals(0.0, n.decode(0.8, zero), 0, "any alpha decodes to the value");
        assertEquals(1.0, n.modeProbabilities(0)[zero], 0);
        assertEquals(0.0, n.modeProbabilities(0.1)[zero], 0, "a value beside the mass is not in it");
        assertEquals(zero, n.sampleMode(0, new SplittableRandom(1)));
        for (int k = 0; k < n.modes(); k++) {
            assertTrue(k == zero || n.stds()[k] > 0.05, "the other modes are fit on the amounts alone");
        }
        assertEquals(1.0, Arrays.stream(n.weights()).sum(), 1e-12);
        ModeSpecificNormalizer back = ModeSpecificNormalizer.fromJson(n.toJson());
        assertArrayEquals(n.stds(), back.stds());
        // a column of a few frequent integers and rarer ones: the three most frequent become masses
        double[] counts = new double[1000];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i < 400 ? 0 : i < 600 ? 1 : i < 750 ? 2 : i < 800 ? 7 : 3 + i % 4;
        }
        ModeSpecificNormalizer c = ModeSpecificNormalizer.fit(counts, 4);
        for (double v : new double[]{0, 1, 2}) {
            assertEquals(0, c.stds()[c.likeliestMode(v)], "mass at " + v);
        }
        assertTrue(c.stds()[c.likeliestMode(7)] > 0, "7, in 5% of the rows, is left to the Gaussian modes");
        // four frequent values and a spread of others: the three most frequent only
        Random g = new Random(9);
        double[] four = new double[1000];
        for (int i = 0; i < four.length; i++) {
            four[i] = i < 300 ? -0.0 : i < 500 ? 5 : i < 650 ? 9 : i < 770 ? 11 : 20 + 3 * g.nextGaussian();
        }
        ModeSpecificNormalizer f = ModeSpecificNormalizer.fit(four, 4);
        assertEquals(3, java.util.stream.IntStream.range(0, f.modes()).filter(f::isPointMass).count());
        assertTrue(f.isPointMass(f.likeliestMode(0.0)), "-0.0 and 0.0 are one value");
        assertTrue(!f.isPointMass(f.likeliestMode(11)), "the fourth most frequent is left to the mixture");
        assertEquals(5.0, f.decode(Double.NaN, f.likeliestMode(5)), 0, "a mass needs no alpha");
        // in a short column a value held once is no mass, though one row is 10% of ten
        double[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 9};
        ModeSpecificNormalizer t = ModeSpecificNormalizer.fit(ten, 4);
        assertTrue(t.isPointMass(t.likeliestMode(9)));
        assertTrue(!t.isPointMass(t.likeliestMode(1)) && !t.isPointMass(t.likeliestMode(2)));
    }

    @Test
    void aColumnOfPointMassesOnlyPlacesOtherValuesAtTheNearest() {
        ModeSpecificNormalizer n = ModeSpecificNormalizer.of(new double[]{0.5, 0.5}, new double[]{0, 10},
                new double[]{0, 0});
        assertEquals(1, n.likeliestMode(7));
        assertEquals(0, n.likeliestMode(2));
        assertEquals(10, n.decode(n.alpha(7, 1), 1));
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }
}
