package org.jgan.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** Averages per-step stats over a logging interval and adds throughput, for one stats.jsonl line per interval. */
final class StatsAccumulator {
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private int steps;
    private long images;
    private long t0 = System.nanoTime();

    void add(Map<String, Double> stats, long stepImages) {
        stats.forEach((k, v) -> sums.merge(k, v, Double::sum));
        steps++;
        images += stepImages;
    }

    /** The record for the interval since the last call: means of every stat, img/s, plus {@code extra}. */
    Map<String, Object> drain(long step, double epoch, Map<String, Object> extra) {
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("step", step);
        rec.put("epoch", epoch);
        for (var e : sums.entrySet()) {
            rec.put(e.getKey(), e.getValue() / steps);
        }
        rec.put("img/s", images / secs);
        rec.putAll(extra);
        rec.put("time", System.currentTimeMillis() / 1000.0);
        sums.clear();
        steps = 0;
        images = 0;
        t0 = System.nanoTime();
        return rec;
    }

    /** Forgets the interval so far (after a rollback its steps are undone). */
    void reset() {
        sums.clear();
        steps = 0;
        images = 0;
        t0 = System.nanoTime();
    }
}
