package org.jgan.core.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run's config.json, read tolerantly and again only when it changed: a missing, unreadable or malformed file reads
 * as no config with a reason, never as an error, because the file may be rewritten while it is watched.
 */
final class RunConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Confined bound;
    private JsonNode tree;
    private String error;
    private long stamp = Long.MIN_VALUE;

    RunConfigFile(Path file, Confined bound) {
        this.file = file;
        this.bound = bound;
    }

    /** Reads the file again if it changed since the last call; returns whether it did. */
    synchronized boolean refresh() {
        Optional<Path> real = bound.real(file);
        Path f = real.orElse(null);
        long now;
        try {
            // The real path's key too: a link turned to another file of the same time and size is a change.
            now = f == null ? -1 : Files.getLastModifiedTime(f).toMillis() ^ Files.size(f) ^ f.hashCode();
        } catch (IOException e) {
            now = -1;
        }
        if (now == stamp) {
            return false;
        }
        stamp = now;
        tree = null;
        error = null;
        if (now == -1) {
            error = "no config.json";
            return true;
        }
        try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
            tree = JSON.readTree(in);
            if (tree == null || !tree.isObject()) {
                error = "config.json is not a JSON object";
                tree = null;
            }
        } catch (IOException e) {
            error = "config.json is unreadable (" + e.getClass().getSimpleName() + ")";
        }
        return true;
    }

    /** The section {@code key} ("config" or "provenance") as last read, or null. */
    synchronized JsonNode section(String key) {
        return tree == null ? null : tree.get(key);
    }

    /** Why there is no config, or null when it was read. */
    synchronized String error() {
        return error;
    }

    /** The step training stops at: schedule.steps, or epochs times full batches per epoch; -1 when unknown. */
    static long plannedSteps(JsonNode cfg, JsonNode prov) {
        double steps = LogRows.number(cfg == null ? null : cfg.get("schedule"), "steps");
        double epochs = LogRows.number(cfg == null ? null : cfg.get("schedule"), "epochs");
        double images = LogRows.number(prov == null ? null : prov.get("dataset"), "images");
        double batch = LogRows.number(cfg == null ? null : cfg.get("data"), "batch");
        long bySteps = steps > 0 ? (long) steps : Long.MAX_VALUE;
        long byEpochs = epochs > 0 && images > 0 && batch > 0
                ? (long) epochs * (long) Math.floor(images / batch) : Long.MAX_VALUE;
        long planned = Math.min(bySteps, byEpochs);
        return planned == Long.MAX_VALUE ? -1 : planned;
    }
}
