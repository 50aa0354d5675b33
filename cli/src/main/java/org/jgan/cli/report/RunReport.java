package org.jgan.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.jgan.cli.dashboard.RunJson;
import org.jgan.core.runs.RunFolder;

/**
 * Everything a report shows about one run, read once from its folder through the library's tolerant reader
 * ({@link RunFolder}), shaped as the dashboard shows it ({@link RunJson}): no tensors, and a corrupt stats line or a missing grid leaves a gap, not an error.
 */
public final class RunReport {
    private final RunFolder run;
    private final ObjectNode details;
    private final List<JsonNode> stats;
    private final List<JsonNode> metrics;

    private RunReport(RunFolder run) {
        this.run = run;
        this.details = RunJson.details(run);
        this.stats = byStep(run.stats());
        this.metrics = byStep(run.metrics());
    }

    /** Reads the run folder {@code dir}; fails only when it is not a run folder at all. */
    public static RunReport load(Path dir) {
        if (!Files.exists(dir.resolve("config.json")) && !Files.exists(dir.resolve("stats.jsonl"))) {
            throw new IllegalArgumentException(dir + ": not a jgan run folder (no config.json or stats.jsonl)");
        }
        return new RunReport(RunFolder.of(dir));
    }

    /** A resumed run logs the steps after its last checkpoint again; the later line wins, as on the dashboard. */
    private static List<JsonNode> byStep(List<? extends JsonNode> rows) {
        TreeMap<Long, JsonNode> m = new TreeMap<>();
        rows.forEach(r -> m.put(r.get("step").asLong(), r));
        return new ArrayList<>(m.values());
    }

    public String name() {
        return run.name();
    }

    /** Summary, config, provenance, samples and alarms, as the dashboard's /api/runs/NAME gives them. */
    public ObjectNode details() {
        return details;
    }

    public List<JsonNode> stats() {
        return stats;
    }

    public List<JsonNode> metrics() {
        return metrics;
    }

    /** Numeric keys present in {@code rows}, except step, epoch and time, in first-seen order. */
    public static List<String> keys(List<JsonNode> rows) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode r : rows) {
            r.fieldNames().forEachRemaining(k -> {
                if (!k.equals("step") && !k.equals("epoch") && !k.equals("time")) {
                    keys.add(k);
                }
            });
        }
        return new ArrayList<>(keys);
    }

    static double[] column(List<JsonNode> rows, String key) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = rows.get(i).get(key);
            out[i] = v != null && v.isNumber() ? v.asDouble() : Double.NaN;
        }
        return out;
    }

    /** Steps of the sample grids on disk, oldest first. */
    public List<Long> sampleSteps() {
        List<Long> steps = new ArrayList<>();
        details.get("samples").forEach(s -> steps.add(s.asLong()));
        return steps;
    }

    /** The PNG bytes of a grid, or null when it is missing or unreadable. */
    public byte[] samplePng(long step) {
        try {
            Path png = run.sample(step).orElse(null);
            return png == null ? null : Files.readAllBytes(png);
        } catch (IOException e) {
            return null;
        }
    }

    /** A decoded grid, or null when it is missing or not a PNG. */
    public BufferedImage sampleImage(long step) {
        byte[] png = samplePng(step);
        try {
            return png == null ? null : ImageIO.read(new java.io.ByteArrayInputStream(png));
        } catch (IOException e) {
            return null;
        }
    }
}
