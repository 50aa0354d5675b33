package org.jgan.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.TrainConfig;

/**
 * The run folder, the contract between training, sampling, evaluation and the dashboard (docs/design.md):
 * config.json, stats.jsonl, samples/, checkpoints/, metrics.jsonl.
 */
public record RunDir(Path path) {
    public Path configFile() {
        return path.resolve("config.json");
    }

    /** Refuses a folder that already holds a run (a config.json): a new run must not mix into it. */
    public void requireNoRun() {
        if (java.nio.file.Files.exists(configFile())) {
            throw new org.jgan.core.config.ConfigException(path + " already holds a run; resume it or choose another "
                    + "folder");
        }
    }

    public Path statsFile() {
        return path.resolve("stats.jsonl");
    }

    public Path metricsFile() {
        return path.resolve("metrics.jsonl");
    }

    public Path samplesDir() {
        return path.resolve("samples");
    }

    public Path checkpointsDir() {
        return path.resolve("checkpoints");
    }

    public Path checkpoint(long step) {
        return checkpointsDir().resolve(Checkpoints.name(step));
    }

    /** Writes config.json: {"config": ..., "provenance": ...}. */
    public void writeConfig(TrainConfig config, Map<String, Object> provenance) throws IOException {
        ObjectNode root = ConfigJson.MAPPER.createObjectNode();
        root.set("config", ConfigJson.toTree(config));
        root.set("provenance", ConfigJson.MAPPER.valueToTree(provenance));
        AtomicFiles.writeString(configFile(), ConfigJson.MAPPER.writeValueAsString(root));
    }

    public TrainConfig readConfig() {
        JsonNode root = readConfigTree();
        return ConfigJson.fromTreeWithDefaults(root.get("config"), TrainConfig.dcganFashionMnist(), TrainConfig.class,
                configFile().toString());
    }

    public JsonNode readConfigTree() {
        if (!Files.exists(configFile())) {
            throw new ConfigException(path + ": not a jgan run folder (no config.json)");
        }
        JsonNode root = ConfigJson.readFile(configFile());  // invalid JSON: one line, no parser internals
        if (root.get("config") == null) {
            throw new ConfigException(configFile() + ": has no \"config\" section");
        }
        return root;
    }

    /** A checkpoint folder by name ("step-000500", "latest", "best") or the latest when {@code name} is null. */
    public Path resolveCheckpoint(String name) throws IOException {
        if (name == null || name.equals("latest")) {
            return Checkpoints.latest(path).orElseThrow(() ->
                    new ConfigException(path + ": has no checkpoint yet"));
        }
        CheckpointName.requirePlain(name, path);
        Path p = checkpointsDir().resolve(name);
        if (!Files.exists(p.resolve("state.json"))) {
            p = checkpointsDir().resolve(name.matches("\\d+") ? Checkpoints.name(Long.parseLong(name)) : name);
        }
        if (!Files.exists(p.resolve("state.json"))) {
            throw new ConfigException(path + ": no checkpoint named " + name + " (have "
                    + Checkpoints.list(path).stream().map(c -> c.getFileName().toString()).toList() + ")");
        }
        CheckpointName.requireInside(p, path);
        return p;
    }
}
