package org.jgan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassCoverageTest {
    @Test
    void evenHistogramCoversEverything() {
        ClassCoverage c = ClassCoverage.of(new int[]{10, 10, 10, 10});
        assertEquals(4, c.covered());
        assertEquals(1.0, c.entropy(), 1e-12);
    }

    @Test
    void oneClassIsCollapse() {
        ClassCoverage c = ClassCoverage.of(new int[]{0, 40, 0, 0});
        assertEquals(1, c.covered());
        assertEquals(0.0, c.entropy(), 1e-12);
    }

    @Test
    void fairShareIsHalfTheUniformShare() {
        // 100 samples, 4 classes: a uniform share is 25, a fair share at least 12.5.
        ClassCoverage c = ClassCoverage.of(new int[]{12, 13, 40, 35});
        assertEquals(3, c.covered());
    }

    @Test
    void histogramFromPredictions() {
        float[] p = {0.1f, 0.9f, 0.8f, 0.2f, 0.3f, 0.7f};
        ClassCoverage c = ClassCoverage.of(new FeatureSet("x", "test", 3, 1, new float[3], 2, p));
        assertArrayEquals(new int[]{1, 2}, c.histogram());
    }
}
