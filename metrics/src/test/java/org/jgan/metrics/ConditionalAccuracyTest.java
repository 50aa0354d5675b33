package org.jgan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The share of samples classified as the class they were generated for, with labels cycling i % K. */
class ConditionalAccuracyTest {
    @Test
    void countsSamplesWhoseArgmaxIsTheirCyclingLabel() {
        // 4 samples, 2 classes: intended labels 0, 1, 0, 1; predictions 0, 1, 1, 1
        float[] probs = {0.9f, 0.1f, 0.2f, 0.8f, 0.4f, 0.6f, 0.3f, 0.7f};
        FeatureSet s = new FeatureSet("t", "x", 4, 1, new float[4], 2, probs);
        assertEquals(0.75, ConditionalAccuracy.of(s), 0.0);
    }
}
