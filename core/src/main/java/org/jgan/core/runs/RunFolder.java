package org.jgan.core.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run folder, read from disk only and never through tensors (docs/design.md, "The run folder is the contract"):
 * config.json, stats.jsonl, metrics.jsonl, samples/ and checkpoints/. Java code reads a finished or running run with
 * it, and the dashboard and reports are built on it.
 *
 * <p>Every read tolerates a folder that is being written or deleted: a missing or unreadable file reads as absent,
 * so a caller shows what is there instead of failing. {@link #refresh} brings the cached view up to date; it is cheap
 * when nothing changed (a few {@code stat} calls), so a watcher may call it on every tick. The other reads refresh
 * first.
 *
 * <p>Every file is read through its real path and only while that lies inside the folder bound: the runs folder for
 * a {@link RunCatalog}'s runs, the run folder itself otherwise. A symlink out reads as a missing file.
 */
public final class RunFolder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Path dir;
    private final RunFiles files;
    private final JsonlLog stats;
    private final JsonlLog metrics;
    private final RunConfigFile config;
    // Derived from stats/metrics lines, updated from where the last refresh stopped.
    private int statsGen = -1;
    private int statsScanned;
    private ObjectNode lastStats;
    private double logInterval = Double.NaN;
    private final List<ObjectNode> events = new ArrayList<>();
    private int metricsGen = -1;
    private int metricsScanned;
    private double bestFid = Double.NaN;
    private long bestFidStep = -1;

    /** The run in {@code dir}, shown as {@code name}; its files are read only while their real paths stay in it. */
    public RunFolder(String name, Path dir) {
        this(name, dir, new Confined(dir));
    }

    RunFolder(String name, Path dir, Confined bound) {
        this.name = name;
        this.dir = dir;
        this.files = new RunFiles(dir, bound);
        this.stats = new JsonlLog(dir.resolve("stats.jsonl"), bound);
        this.metrics = new JsonlLog(dir.resolve("metrics.jsonl"), bound);
        this.config = new RunConfigFile(dir.resolve("config.json"), bound);
    }

    /** The run in {@code dir}, named after the folder. */
    public static RunFolder of(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return new RunFolder(abs.getFileName().toString(), abs);
    }

    /** The name the run is shown under (its folder's name, unless given otherwise). */
    public String name() {
        return name;
    }

    /** The run folder. */
    public Path dir() {
        return dir;
    }

    /** Re-reads whatever changed on disk; returns whether stats, metrics or config changed. */
    public synchronized boolean refresh() {
        boolean changed = stats.refresh() | metrics.refresh() | config.refresh();
        scanStats();
        scanMetrics();
        return changed;
    }

    private void scanStats() {
        JsonlLog.Slice s = stats.since(statsGen, statsScanned);
        if (s.reset()) {
            lastStats = null;
            logInterval = Double.NaN;
            events.clear();
        }
        for (ObjectNode row : s.rows()) {
            if (LogRows.isEvent(row)) {
                events.add(LogRows.event(row));
            } else if (row.has("step")) {
                double t0 = LogRows.number(lastStats, "time");
                double t1 = LogRows.number(row, "time");
                if (Double.isFinite(t0) && Double.isFinite(t1) && t1 > t0) {
                    logInterval = t1 - t0;
                }
                lastStats = LogRows.numeric(row);
            }
        }
        statsGen = s.generation();
        statsScanned = s.next();
    }

    private void scanMetrics() {
        JsonlLog.Slice s = metrics.since(metricsGen, metricsScanned);
        if (s.reset()) {
            bestFid = Double.NaN;
            bestFidStep = -1;
        }
        for (ObjectNode row : s.rows()) {
            double fid = LogRows.number(row, "fid");
            if (Double.isFinite(fid) && !(fid >= bestFid)) {
                bestFid = fid;
                bestFidStep = (long) LogRows.number(row, "step");
            }
        }
        metricsGen = s.generation();
        metricsScanned = s.next();
    }

    /** Stats lines after {@code from}: {generation, next, reset, rows: [numbers], events: [alarms]}. */
    public ObjectNode statsSince(int gen, int from) {
        refresh();
        return slice(stats.since(gen, from), true);
    }

    /** metrics.jsonl lines after {@code from}, like {@link #statsSince}. */
    public ObjectNode metricsSince(int gen, int from) {
        refresh();
        return slice(metrics.since(gen, from), false);
    }

    private static ObjectNode slice(JsonlLog.Slice s, boolean splitEvents) {
        ObjectNode out = JSON.createObjectNode();
        out.put("generation", s.generation());
        out.put("next", s.next());
        out.put("reset", s.reset());
        out.putArray("rows").addAll(numericRows(s, splitEvents));
        ArrayNode ev = out.putArray("events");
        for (ObjectNode row : s.rows()) {
            if (splitEvents && LogRows.isEvent(row)) {
                ev.add(LogRows.event(row));
            }
        }
        return out;
    }

    private static List<ObjectNode> numericRows(JsonlLog.Slice s, boolean skipEvents) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode row : s.rows()) {
            if (!(skipEvents && LogRows.isEvent(row)) && row.has("step")) {
                out.add(LogRows.numeric(row));
            }
        }
        return out;
    }

    /**
     * The stats.jsonl lines read so far, oldest first, numbers only: one object per logged step ("step", "epoch",
     * "time", "Loss/D", ...), a non-finite number as null. Event lines are left out ({@link #events}), and so are
     * lines that are not JSON objects.
     */
    public List<ObjectNode> stats() {
        refresh();
        return numericRows(stats.since(-1, 0), true);
    }

    /** The metrics.jsonl lines read so far (one per evaluation: "step", "fid", "kid", ...), like {@link #stats}. */
    public List<ObjectNode> metrics() {
        refresh();
        return numericRows(metrics.since(-1, 0), false);
    }

    /** The events logged among the stats (alarms, rollbacks, ...) as {step, time, kind, details}, oldest first. */
    public synchronized List<ObjectNode> events() {
        refresh();
        return events.stream().map(ObjectNode::deepCopy).toList();
    }

    /** config.json's "config" section, the resolved training config as JSON; null while there is none to read. */
    public JsonNode config() {
        refresh();
        JsonNode c = config.section("config");
        return c == null ? null : c.deepCopy();
    }

    /** config.json's "provenance" section (versions, seed, data set); null while there is none to read. */
    public JsonNode provenance() {
        refresh();
        JsonNode p = config.section("provenance");
        return p == null ? null : p.deepCopy();
    }

    /** Why config.json could not be read ("no config.json", ...), or null when it was. */
    public String configError() {
        refresh();
        return config.error();
    }

    /** Steps of the sample grids on disk, oldest first. */
    public List<Long> sampleSteps() {
        return files.sampleSteps();
    }

    /** The real path of the sample grid of {@code step}, if it exists inside the bound. */
    public Optional<Path> sample(long step) {
        return sample(String.format("step-%06d.png", step));
    }

    /**
     * The real path of the sample grid named {@code fileName} ("step-NNNNNN.png"), if it is a file inside the bound:
     * read that path, not the name, so that a symlink swapped in after this check cannot redirect the read.
     */
    public Optional<Path> sample(String fileName) {
        return files.sample(fileName, ".png");
    }

    /**
     * The real path of the animated view beside the sample grid {@code fileName} ("step-NNNNNN.gif" beside
     * "step-NNNNNN.png": a video run's clips), if there is one inside the bound.
     */
    public Optional<Path> animation(String fileName) {
        return files.sample(fileName, ".gif");
    }

    /** Complete checkpoints (those with state.json; a half-written one has none), by folder name. */
    public List<String> checkpoints() {
        return files.checkpoints();
    }

    /** Where the run stands now: model, data, steps, best FID, status, alarms, the last stats line. */
    public synchronized RunSummary summary() {
        refresh();
        JsonNode cfg = config.section("config");
        JsonNode prov = config.section("provenance");
        String data = LogRows.text(prov, "dataset", "name");
        long step = lastStats == null ? -1 : (long) LogRows.number(lastStats, "step");
        long planned = RunConfigFile.plannedSteps(cfg, prov);
        double updated = files.lastChange();
        double idle = System.currentTimeMillis() / 1000.0 - updated;
        return new RunSummary(name, LogRows.text(cfg, "model", "name"), data != null ? data
                : LogRows.text(cfg, "data", "source"), step, planned, LogRows.number(lastStats, "epoch"), bestFid,
                bestFidStep, RunStatus.of(step, planned, idle, logInterval), updated, events.size(),
                lastStats == null ? JSON.createObjectNode() : lastStats.deepCopy(), stats.skipped(),
                metrics.skipped(), config.error());
    }

    /** Whether metrics.jsonl exists and may be read. */
    public boolean hasMetrics() {
        return metrics.readable();
    }
}
