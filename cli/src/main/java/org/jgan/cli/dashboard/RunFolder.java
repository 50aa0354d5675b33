package org.jgan.cli.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run folder as the dashboard and reports see it (docs/design.md, "The run folder is the contract"):
 * config.json, stats.jsonl, metrics.jsonl, samples/ and checkpoints/, read from disk only, never tensors.
 *
 * <p>Every read tolerates a folder that is being written or deleted: a missing or unreadable file reads as absent,
 * so a page shows what is there instead of an error. {@link #refresh} brings the cached view up to date; it is cheap
 * when nothing changed (a few {@code stat} calls), so the server calls it on every request and every live tick.
 *
 * <p>Every file is read through its real path and only while that lies inside the folder bound ({@link Confined}):
 * the runs folder for the dashboard, the run folder itself otherwise. A symlink out reads as a missing file.
 */
public final class RunFolder {
    static final Pattern SAMPLE = Pattern.compile("step-(\\d{1,12})\\.png");
    private static final Pattern CHECKPOINT = Pattern.compile("step-\\d{1,12}|best|[A-Za-z0-9_-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Path dir;
    private final Confined bound;
    private final JsonlLog stats;
    private final JsonlLog metrics;
    private JsonNode config;
    private String configError;
    private long configStamp = Long.MIN_VALUE;
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

    /** The run in {@code dir}, whose files are read only while their real paths stay inside {@code dir}. */
    public RunFolder(String name, Path dir) {
        this(name, dir, new Confined(dir));
    }

    /** The run in {@code dir}, whose files are read only while their real paths stay inside {@code bound}. */
    RunFolder(String name, Path dir, Confined bound) {
        this.name = name;
        this.dir = dir;
        this.bound = bound;
        this.stats = new JsonlLog(dir.resolve("stats.jsonl"), bound);
        this.metrics = new JsonlLog(dir.resolve("metrics.jsonl"), bound);
    }

    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    /** Re-reads whatever changed on disk; returns whether stats, metrics or config changed. */
    public synchronized boolean refresh() {
        boolean changed = stats.refresh() | metrics.refresh() | refreshConfig();
        scanStats();
        scanMetrics();
        return changed;
    }

    private boolean refreshConfig() {
        Optional<Path> real = bound.real(dir.resolve("config.json"));
        Path f = real.orElse(null);
        long stamp;
        try {
            // The real path's key too: a link turned to another file of the same time and size is a change.
            stamp = f == null ? -1 : Files.getLastModifiedTime(f).toMillis() ^ Files.size(f) ^ f.hashCode();
        } catch (IOException e) {
            stamp = -1;
        }
        if (stamp == configStamp) {
            return false;
        }
        configStamp = stamp;
        config = null;
        configError = null;
        if (stamp == -1) {
            configError = "no config.json";
            return true;
        }
        try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
            config = JSON.readTree(in);
            if (config == null || !config.isObject()) {
                configError = "config.json is not a JSON object";
                config = null;
            }
        } catch (IOException e) {
            configError = "config.json is unreadable (" + e.getClass().getSimpleName() + ")";
        }
        return true;
    }

    private void scanStats() {
        JsonlLog.Slice s = stats.since(statsGen, statsScanned);
        if (s.reset()) {
            lastStats = null;
            logInterval = Double.NaN;
            events.clear();
        }
        for (ObjectNode row : s.rows()) {
            if (Rows.isEvent(row)) {
                events.add(Rows.event(row));
            } else if (row.has("step")) {
                double t0 = Rows.number(lastStats, "time");
                double t1 = Rows.number(row, "time");
                if (Double.isFinite(t0) && Double.isFinite(t1) && t1 > t0) {
                    logInterval = t1 - t0;
                }
                lastStats = Rows.numeric(row);
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
            double fid = Rows.number(row, "fid");
            if (Double.isFinite(fid) && !(fid >= bestFid)) {
                bestFid = fid;
                bestFidStep = (long) Rows.number(row, "step");
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
        ArrayNode rows = out.putArray("rows");
        ArrayNode ev = out.putArray("events");
        for (ObjectNode row : s.rows()) {
            if (splitEvents && Rows.isEvent(row)) {
                ev.add(Rows.event(row));
            } else if (row.has("step")) {
                rows.add(Rows.numeric(row));
            }
        }
        return out;
    }

    /** Steps of the sample grids on disk, oldest first. */
    public List<Long> sampleSteps() {
        List<Long> steps = new ArrayList<>();
        Optional<Path> samples = bound.real(dir.resolve("samples"));
        if (samples.isEmpty()) {
            return steps;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(samples.get(), "step-*.png")) {
            for (Path p : ds) {
                Matcher m = SAMPLE.matcher(p.getFileName().toString());
                if (m.matches() && bound.entryInside(p)) {
                    steps.add(Long.parseLong(m.group(1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No samples yet, or the folder vanished mid-listing: whatever was listed is still true.
        }
        steps.sort(null);
        return steps;
    }

    /** Complete checkpoints (those with state.json; a half-written one has none), by folder name. */
    public List<String> checkpoints() {
        List<String> names = new ArrayList<>();
        Optional<Path> checkpoints = bound.real(dir.resolve("checkpoints"));
        if (checkpoints.isEmpty()) {
            return names;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(checkpoints.get())) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (CHECKPOINT.matcher(n).matches() && bound.inside(p.resolve("state.json"))) {
                    names.add(n);
                }
            }
        } catch (IOException | RuntimeException e) {
            // as for samples
        }
        names.sort(null);
        return names;
    }

    /** The summary that the runs list shows: model, data, step, best FID, status. */
    public synchronized ObjectNode summary() {
        refresh();
        JsonNode cfg = config == null ? null : config.get("config");
        JsonNode prov = config == null ? null : config.get("provenance");
        ObjectNode out = JSON.createObjectNode();
        out.put("name", name);
        out.put("model", Rows.text(cfg, "model", "name"));
        String data = Rows.text(prov, "dataset", "name");
        out.put("data", data != null ? data : Rows.text(cfg, "data", "source"));
        long step = lastStats == null ? -1 : (long) Rows.number(lastStats, "step");
        long planned = plannedSteps(cfg, prov);
        out.put("step", step);
        out.put("plannedSteps", planned);
        double epoch = Rows.number(lastStats, "epoch");
        out.put("epoch", Double.isFinite(epoch) ? epoch : null);
        out.put("bestFid", Double.isFinite(bestFid) ? bestFid : null);
        out.put("bestFidStep", bestFidStep);
        double idle = System.currentTimeMillis() / 1000.0 - lastChange();
        out.put("status", RunStatus.of(step, planned, idle, logInterval).label());
        out.put("updated", lastChange());
        out.put("alarms", events.size());
        out.set("latest", lastStats == null ? JSON.createObjectNode() : lastStats);
        ObjectNode skipped = out.putObject("skippedLines");
        skipped.put("stats.jsonl", stats.skipped());
        skipped.put("metrics.jsonl", metrics.skipped());
        out.put("configError", configError);
        return out;
    }

    /** Everything the run page shows besides the curves: summary, config, provenance, samples, alarms. */
    public synchronized ObjectNode details() {
        ObjectNode out = summary();
        out.set("config", config == null ? null : config.get("config"));
        out.set("provenance", config == null ? null : config.get("provenance"));
        ArrayNode samples = out.putArray("samples");
        sampleSteps().forEach(samples::add);
        ArrayNode ckpts = out.putArray("checkpoints");
        checkpoints().forEach(ckpts::add);
        out.set("events", JSON.valueToTree(events));
        out.put("hasMetrics", metrics.readable());
        return out;
    }

    /** The step training stops at: schedule.steps, or epochs times full batches per epoch; -1 when unknown. */
    static long plannedSteps(JsonNode cfg, JsonNode prov) {
        double steps = Rows.number(cfg == null ? null : cfg.get("schedule"), "steps");
        double epochs = Rows.number(cfg == null ? null : cfg.get("schedule"), "epochs");
        double images = Rows.number(prov == null ? null : prov.get("dataset"), "images");
        double batch = Rows.number(cfg == null ? null : cfg.get("data"), "batch");
        long bySteps = steps > 0 ? (long) steps : Long.MAX_VALUE;
        long byEpochs = epochs > 0 && images > 0 && batch > 0
                ? (long) epochs * (long) Math.floor(images / batch) : Long.MAX_VALUE;
        long planned = Math.min(bySteps, byEpochs);
        return planned == Long.MAX_VALUE ? -1 : planned;
    }

    /** Seconds since the epoch when any file the dashboard shows last changed (0 when none exists). */
    double lastChange() {
        long newest = 0;
        for (String f : new String[] {"stats.jsonl", "metrics.jsonl", "config.json", "samples"}) {
            Optional<Path> real = bound.real(dir.resolve(f));
            try {
                newest = real.isEmpty() ? newest : Math.max(newest, Files.getLastModifiedTime(real.get()).toMillis());
            } catch (IOException e) {
                // deleted since
            }
        }
        return newest / 1000.0;
    }
}
