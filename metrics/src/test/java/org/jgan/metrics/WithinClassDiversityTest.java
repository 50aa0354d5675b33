package org.jgan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jgan.core.data.DataException;
import org.junit.jupiter.api.Test;

/** {@link WithinClassDiversity} on feature arrays whose answer is known. */
class WithinClassDiversityTest {
    static final int DIM = 8;

    /** {@code n} random DIM-d rows. */
    static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] f = new float[n * DIM];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextGaussian();
        }
        return f;
    }

    /** Labels i % k. */
    static int[] cycling(int n, int k) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = i % k;
        }
        return l;
    }

    @Test
    void handComputedRatio() {
        // real class 0: (0,0), (3,4): one pair, distance 5. generated: (0,0), (0,1), (0,2): 1, 2, 1, mean 4/3.
        float[] real = {0, 0, 3, 4};
        float[] gen = {0, 0, 0, 1, 0, 2};
        WithinClassDiversity w = WithinClassDiversity.of(gen, new int[3], real, new int[2], 2);
        assertEquals(4.0 / 15.0, w.mean(), 1e-15);
        assertArrayEquals(new double[]{4.0 / 15.0}, w.ratios(), 1e-15);
        assertEquals(1, w.scored());
    }

    @Test
    void theRealFeaturesThemselvesGiveOne() {
        float[] real = random(300, 1);
        int[] labels = cycling(300, 3);
        WithinClassDiversity w = WithinClassDiversity.of(real.clone(), labels, real, labels, DIM);
        assertEquals(1.0, w.mean(), 0.0);
        assertArrayEquals(new double[]{1, 1, 1}, w.ratios(), 0.0);
    }

    @Test
    void identicalSamplesWithinEveryClassGiveZero() {
        float[] real = random(300, 2);
        int[] labels = cycling(300, 3);
        float[] gen = new float[90 * DIM];
        for (int i = 0; i < 90; i++) {
            // every sample of class c is real image c: all different across classes, all equal within one
            System.arraycopy(real, (i % 3) * DIM, gen, i * DIM, DIM);
        }
        WithinClassDiversity w = WithinClassDiversity.of(gen, cycling(90, 3), real, labels, DIM);
        assertEquals(0.0, w.mean(), 0.0);
        assertEquals(3, w.scored());
    }

    @Test
    void aScaledAndShiftedCopyGivesTheScaleOfEachClass() {
        float[] real = random(200, 3);
        int[] labels = cycling(200, 2);
        float[] gen = new float[real.length];
        for (int i = 0; i < 200; i++) {
            double scale = i % 2 == 0 ? 3.0 : 0.5;
            for (int k = 0; k < DIM; k++) {
                gen[i * DIM + k] = (float) (scale * real[i * DIM + k] + 7); // a shift changes no distance
            }
        }
        WithinClassDiversity w = WithinClassDiversity.of(gen, labels, real, labels, DIM);
        assertArrayEquals(new double[]{3.0, 0.5}, w.ratios(), 1e-5);
        assertEquals(1.75, w.mean(), 1e-5);
    }

    @Test
    void classesWithTooFewImagesOnEitherSideAreSkipped() {
        float[] real = random(40, 4);
        // real: classes 0 and 1 twenty times each, class 3 once; generated: 0 ten times, 1 once, 3 ten times, 2 twice
        int[] realLabels = cycling(40, 2);
        realLabels[39] = 3;
        float[] gen = random(23, 5);
        int[] genLabels = new int[23];
        Arrays.fill(genLabels, 10, 20, 3);
        genLabels[20] = 1;
        genLabels[21] = 2;
        genLabels[22] = 2;
        WithinClassDiversity w = WithinClassDiversity.of(gen, genLabels, real, realLabels, DIM);
        assertEquals(1, w.scored(), "only class 0 has 2+ images on both sides: " + w.perClass());
        assertEquals(4, w.ratios().length);
        assertEquals(w.ratios()[0], w.mean(), 0.0);
        assertEquals(Arrays.asList(w.ratios()[0], null, null, null), w.perClass());
        assertTrue(w.mean() > 0.5 && w.mean() < 2, "two Gaussian clouds alike: " + w.mean());
    }

    @Test
    void noClassLeftMeansNoMetric() {
        float[] real = random(10, 6);
        // one generated image per class
        assertNull(WithinClassDiversity.of(random(2, 7), new int[]{0, 1}, real, cycling(10, 2), DIM));
        // real images of the only generated class are all identical: the ratio is undefined
        float[] flat = new float[10 * DIM];
        assertNull(WithinClassDiversity.of(random(4, 8), new int[4], flat, new int[10], DIM));
    }

    @Test
    void onlyTheFirstImagesOfAClassCount() {
        int cap = WithinClassDiversity.MAX_PER_CLASS;
        float[] real = random(cap, 9);
        float[] gen = Arrays.copyOf(real, (cap + 50) * DIM);
        Arrays.fill(gen, cap * DIM, gen.length, 1e6f); // beyond the cap: far away, would raise the ratio a lot
        WithinClassDiversity w = WithinClassDiversity.of(gen, new int[cap + 50], real, new int[cap], DIM);
        assertEquals(1.0, w.mean(), 0.0);
        float[] early = gen.clone();
        Arrays.fill(early, 0, DIM, 1e6f); // the same far image among the first ones does count
        assertTrue(WithinClassDiversity.of(early, new int[cap + 50], real, new int[cap], DIM).mean() > 100);
    }

    @Test
    void featureSetsWithCyclingLabels() {
        float[] f = random(60, 10);
        FeatureSet real = new FeatureSet("real", "x", 60, DIM, f, 0, null);
        FeatureSet fake = new FeatureSet("fake", "x", 60, DIM, f.clone(), 0, null);
        WithinClassDiversity w = WithinClassDiversity.of(fake, i -> i % 3, real, cycling(60, 3));
        assertEquals(1.0, w.mean(), 0.0);
        assertEquals(List.of(1.0, 1.0, 1.0), w.perClass());
        FeatureSet narrow = new FeatureSet("narrow", "x", 60, DIM / 2, Arrays.copyOf(f, 60 * DIM / 2), 0, null);
        DataException e = assertThrows(DataException.class,
                () -> WithinClassDiversity.of(narrow, i -> i % 3, real, cycling(60, 3)));
        assertTrue(e.getMessage().contains("4-d") && e.getMessage().contains("8-d"), e.getMessage());
        assertThrows(DataException.class, () -> WithinClassDiversity.of(fake, i -> 0, real, new int[59]));
        assertThrows(DataException.class, () -> WithinClassDiversity.of(fake, i -> -1, real, new int[60]));
    }
}
