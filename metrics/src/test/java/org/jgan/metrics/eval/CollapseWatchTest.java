package org.jgan.metrics.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgan.metrics.ClassCoverage;
import org.junit.jupiter.api.Test;

class CollapseWatchTest {
    static ClassCoverage even() {
        return ClassCoverage.of(new int[]{10, 10, 10, 10, 10, 10, 10, 10, 10, 10});
    }

    @Test
    void quietWhileHealthy() {
        CollapseWatch w = new CollapseWatch();
        assertTrue(w.observe(even(), 0.9).isEmpty());
        assertTrue(w.observe(even(), 0.8).isEmpty());
        assertTrue(w.observe(ClassCoverage.of(new int[]{12, 8, 10, 10, 10, 10, 10, 10, 10, 10}), 0.95).isEmpty());
    }

    @Test
    void warnsOnSharpDrops() {
        CollapseWatch w = new CollapseWatch();
        w.observe(even(), 0.9);
        List<String> d = w.observe(even(), 0.3);
        assertEquals(1, d.size());
        assertTrue(d.get(0).contains("diversity"), d.get(0));
        List<String> c = w.observe(ClassCoverage.of(new int[]{50, 50, 0, 0, 0, 0, 0, 0, 0, 0}), 0.85);
        assertEquals(1, c.size());
        assertTrue(c.get(0).contains("2 of 10 classes"), c.get(0));
    }

    @Test
    void rememberedHistoryCountsAfterResume() {
        CollapseWatch w = new CollapseWatch();
        w.remember(even(), 1.0);
        assertEquals(1, w.observe(even(), 0.2).size());
    }
}
