package org.jgan.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.ConfigSections;
import org.jgan.core.config.TrainConfig;

/**
 * Keeps one run per run folder: a trainer's variant must be the one its config names, a new run does not start in a
 * folder that already holds one (its config.json), and a resume does not continue a run with the config of another.
 * Checked by the library itself, so that no caller can mix two runs' checkpoints and logs in one folder.
 */
final class RunIdentity {
    /**
     * The config keys (a section stands for all its keys) a resume must keep: they fix the networks, the data and its
     * order, and every random draw. The rest may change on resume: the schedule (to train longer), the guard, the
     * optimiser (e.g. lower rates after a guard stop) and the regularisers but spectral normalisation, which
     * changes what D's checkpoint holds; and the variants' sections or keys that say so
     * ({@link ConfigSection#keptOnResume}, e.g. {@code i2i}, which shapes the networks and the data;
     * {@link ConfigSection#keptKeys}, e.g. {@code stylegan2.mappingLayers}).
     */
    static final List<String> KEPT = kept();

    private final RunDir run;
    private final TrainConfig config;
    private boolean owned;
    /** The settings a resume changes (allowed ones; a new length left out), as "key: old -> new". */
    private List<String> changed = List.of();
    private boolean changeReported;

    /** Refuses a variant that is not the one {@code config} names. */
    RunIdentity(GanVariant variant, TrainConfig config, RunDir run) {
        if (!variant.name().equals(config.model().name())) {
            throw new ConfigException("the variant is " + variant.name() + " but the config's model.name is "
                    + config.model().name() + "; give the trainer the variant its config names");
        }
        this.run = run;
        this.config = config;
    }

    /**
     * Before a resume: refuses a config that describes another run than the folder's config.json, naming each
     * difference, and notes the settings it may change and does (see {@link #changedOnResume}). A folder without
     * config.json is left to {@link RunRecovery}, which says what is missing.
     */
    void checkResume() {
        if (!Files.exists(run.configFile())) {
            return;
        }
        Map<String, JsonNode> was = ConfigJson.leaves(ConfigJson.toTree(run.readConfig()));
        Map<String, JsonNode> given = ConfigJson.leaves(ConfigJson.toTree(config));
        List<String> differences = new ArrayList<>();
        was.forEach((key, value) -> {
            JsonNode now = given.get(key);
            if (kept(key) && !value.equals(now)) {
                differences.add(key + ": " + value.asText() + " in the run, " + (now == null ? "none" : now.asText())
                        + " given");
            }
        });
        if (!differences.isEmpty()) {
            throw new ConfigException(run.configFile() + " describes another run than the config given ("
                    + String.join("; ", differences) + "); a resume keeps " + String.join(", ", KEPT)
                    + " as the run has them (the schedule, guard, optim and other reg settings may change): resume "
                    + "with the run's own config, or train a new run in another folder");
        }
        // A new length is what a resume is for, so it goes unsaid.
        changed = ConfigJson.differences(was, given).stream()
                .filter(d -> !d.startsWith("schedule.steps:") && !d.startsWith("schedule.epochs:")).toList();
    }

    /**
     * The settings this resume trains with otherwise than the run's config.json, which keeps the run's first
     * settings: "key: old -> new" in the config's order; empty for a new run or an unchanged resume.
     */
    List<String> changedOnResume() {
        return changed;
    }

    /**
     * Hands the changed settings to {@code log} as one {"event": "resume_settings", "message": ...} event, once, so
     * that stats.jsonl (which the dashboard and reports list events from) says what this resume trained with.
     */
    void report(Consumer<Map<String, Object>> log) {
        if (changed.isEmpty() || changeReported) {
            return;
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("event", "resume_settings");
        ev.put("message", String.join(", ", changed));
        log.accept(ev);
        changeReported = true;
    }

    /** After a resume: the folder's run is this trainer's to continue. */
    void resumed() {
        owned = true;
    }

    /** Before training: refuses a new run in a folder that already holds one (it would mix two runs). */
    void checkStart() {
        if (!owned) {
            run.requireNoRun();
        }
    }

    /** Writes config.json for a run that has none yet, with {@code provenance}; the folder is then this trainer's. */
    void claim(long step, Supplier<Map<String, Object>> provenance) throws IOException {
        if (step == 0 && !Files.exists(run.configFile())) {
            run.writeConfig(config, provenance.get());
        }
        owned = true;
    }

    private static List<String> kept() {
        List<String> kept = new ArrayList<>(List.of("seed", "model", "data", "reg.spectralNorm"));
        for (ConfigSection<?> s : ConfigSections.all()) {
            if (s.keptOnResume()) {
                kept.add(s.name());
            } else {
                s.keptKeys().forEach(k -> kept.add(s.name() + "." + k));
            }
        }
        return List.copyOf(kept);
    }

    private static boolean kept(String key) {
        return KEPT.stream().anyMatch(k -> key.equals(k) || key.startsWith(k + "."));
    }
}
