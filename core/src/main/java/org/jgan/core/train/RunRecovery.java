package org.jgan.core.train;

import static org.jgan.engine.NativeErrors.firstLine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bytedeco.pytorch.Adam;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.GuardConfig;

/**
 * Puts a run folder that a crash, a kill or the run guard interrupted back into a state training continues from, and
 * says what it did (one note per action, reported as "recovery" events once training logs): leftovers of interrupted
 * writes go, the newest checkpoint that loads is chosen (damaged newer ones are set aside), stats.jsonl and
 * metrics.jsonl are rewound to it, and a guard stop recorded in it is answered. A run folder with a config but no
 * checkpoint yet (killed while writing the step-0 one) starts again from step 0, which, everything being drawn from
 * the seed, is exactly where it was.
 */
final class RunRecovery {
    /** The file in a checkpoint folder that records a guard stop ({@link GuardStop}). */
    static final String STOP_FILE = "guard-stop.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunDir run;
    private final List<String> notes = new ArrayList<>();

    RunRecovery(RunDir run) {
        this.run = run;
    }

    /**
     * Removes the temporary files and folders that interrupted atomic writes left in the run folder, samples/,
     * checkpoints/ and each checkpoint folder. Training owns its run folder, so at its start none is being written.
     */
    /**
     * {@link #clean} in a folder that is a run (config.json, checkpoints/ or samples/): a new run's output folder may
     * be any existing folder, whose hidden temporary files belong to someone else.
     */
    void cleanIfRun() throws IOException {
        if (Files.exists(run.configFile()) || Files.isDirectory(run.checkpointsDir())
                || Files.isDirectory(run.samplesDir())) {
            clean();
        }
    }

    void clean() throws IOException {
        // checkpoints/ first: a folder restored there is then cleaned inside like the others
        List<Path> dirs = new ArrayList<>(List.of(run.checkpointsDir(), run.path(), run.samplesDir()));
        List<String> done = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            Path d = dirs.get(i);
            List<String> here = AtomicFiles.cleanStale(d);
            if (!here.isEmpty()) {
                done.add((d.equals(run.path()) ? "the run folder" : run.path().relativize(d).toString()) + ": "
                        + String.join(", ", here));
            }
            if (i == 0 && Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            && !p.getFileName().toString().startsWith(".")).sorted().forEach(dirs::add);
                }
            }
        }
        if (!done.isEmpty()) {
            notes.add("cleaned up after an interrupted write: " + String.join("; ", done));
        }
    }

    /**
     * Loads the newest checkpoint of {@code run} that loads into the given networks and optimizers and returns its
     * counters; a newer one that does not load (e.g. a damaged state.json) is moved to {@code damaged-NAME}, saying
     * so. Throws the newest checkpoint's error when none loads, and a ConfigException when the folder holds neither
     * a checkpoint nor a config.json.
     */
    TrainState resume(Players players, Map<String, Adam> optimizers, Ema ema, GuardConfig guard) throws IOException {
        clean();
        List<Path> all = Checkpoints.list(run.path());
        if (all.isEmpty()) {
            if (!Files.exists(run.configFile())) {
                throw new ConfigException(run.path() + ": has no checkpoint to resume from");
            }
            long logged = JsonlTrim.lastStep(run.statsFile());
            if (logged > 0) {
                // a run that got that far had checkpoints: they were moved or deleted, not lost to a crash
                throw new ConfigException(run.path() + ": has no checkpoint, but its stats.jsonl records steps up to "
                        + logged + "; restore its checkpoints folder, or train a new run in another folder");
            }
            notes.add("no complete checkpoint (the run was interrupted while writing its first): starting again "
                    + "from step 0");
            rewindLogs(0);
            return TrainState.start();
        }
        Map<Path, String> damaged = new LinkedHashMap<>();
        IOException newest = null;
        for (int i = all.size() - 1; i >= 0; i--) {
            Path c = all.get(i);
            TrainState s;
            try {
                s = Checkpoints.load(c, players, optimizers, ema);
            } catch (java.nio.file.AccessDeniedException e) {
                throw e;  // a permission problem, not a damaged checkpoint: set nothing aside, rewind nothing
            } catch (IOException e) {
                newest = newest != null ? newest : e;
                damaged.put(c, firstLine(e.getMessage()));
                continue;
            }
            // Only now that one loaded: had none, the fault would be the networks' (e.g. another width), not theirs.
            for (var d : damaged.entrySet()) {
                notes.add("checkpoint " + d.getKey().getFileName() + " does not load (" + d.getValue()
                        + "); moved it to " + setAside(d.getKey()).getFileName() + " and resumed from "
                        + c.getFileName());
            }
            s = answerStop(c, s, guard);
            rewindLogs(s.step());
            return s;
        }
        throw newest;
    }

    /** Hands each note to {@code log} as a {"event": "recovery", "message": ...} event, once. */
    void report(Consumer<Map<String, Object>> log) {
        for (String note : notes) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("event", "recovery");
            ev.put("message", note);
            log.accept(ev);
        }
        notes.clear();
    }

    /**
     * Records {@code stop} as {@link #recordStop(GuardStop)} does while {@code cause} (the divergence or stop that
     * ends the run) is on its way out; a failure to write the note is added to it, since its advice matters more.
     */
    void recordStop(GuardStop stop, RuntimeException cause) {
        try {
            recordStop(stop);
        } catch (IOException io) {
            cause.addSuppressed(io);
        }
    }

    /** Records {@code stop} in the run's latest checkpoint, the one a resume starts from. */
    void recordStop(GuardStop stop) throws IOException {
        Optional<Path> c = Checkpoints.latest(run.path());
        if (stop != null && c.isPresent()) {
            AtomicFiles.writeString(c.get().resolve(STOP_FILE), JSON.writeValueAsString(JSON.createObjectNode()
                    .put("step", stop.step()).put("cause", stop.cause()).put("reason", stop.reason())));
        }
    }

    /**
     * After a guard stop, resuming with the same counters would replay the same steps into the same stop. A stop on
     * divergence keeps the learning-rate scale the rollbacks reached and renews the allowance of rollbacks, so a new
     * divergence lowers the rates further instead of ending the run; an alarm's stop changes nothing and says so. The
     * answer is written back into the checkpoint (counters first, then the record goes), so it is given once.
     */
    private TrainState answerStop(Path ckpt, TrainState s, GuardConfig guard) throws IOException {
        Path f = ckpt.resolve(STOP_FILE);
        if (!Files.exists(f)) {
            return s;
        }
        JsonNode j;
        try {
            j = JSON.readTree(f.toFile());
        } catch (IOException e) {
            j = JSON.createObjectNode();
        }
        GuardStop stop = new GuardStop(j.path("step").asLong(s.step()), j.path("cause").asText(GuardStop.DIVERGED),
                j.path("reason").asText("unknown"));
        String what = "the guard stopped this run at step " + stop.step() + " (" + stop.reason() + "); resuming from "
                + ckpt.getFileName();
        TrainState renewed = s;
        if (stop.diverged()) {
            renewed = new TrainState(s.step(), s.epoch(), s.batchInEpoch(), s.lrScale(), 0);
            notes.add(what + " with the learning rates still at " + s.lrScale() + " of the configured ones and a "
                    + "new allowance of " + guard.maxRollbacks() + " rollback(s) (guard.maxRollbacks), so "
                    + (guard.maxRollbacks() > 0 ? "a new divergence lowers them further; to choose the rates "
                    + "yourself, set optim.lrG and optim.lrD" : "unless optim.lrG and optim.lrD are now lower, it "
                    + "will stop the same way"));
        } else {
            notes.add(what + " with the same counters: " + (guard.onCollapse().equals("stop")
                    ? "the same settings may raise the same alarm and stop it again; guard.onCollapse=warn lets it "
                    + "go on, optim.emaBeta or reg.diffAugment may avoid the collapse"
                    : "such an alarm no longer stops it (guard.onCollapse is " + guard.onCollapse() + ")"));
        }
        Checkpoints.writeState(ckpt, renewed);
        Files.delete(f);
        return renewed;
    }

    /** Drops what stats.jsonl and metrics.jsonl hold after {@code step}: the resumed run logs those steps anew. */
    private void rewindLogs(long step) throws IOException {
        for (Path f : List.of(run.statsFile(), run.metricsFile())) {
            int n = JsonlTrim.dropAfter(f, step);
            if (n > 0) {
                notes.add(f.getFileName() + ": dropped " + n + " line(s) written after step " + step
                        + " (or torn by the interruption); the resumed run writes those steps again");
            }
        }
    }

    /** Moves a damaged checkpoint out of the way of latest, prune and rollback, keeping it for inspection. */
    private static Path setAside(Path ckpt) throws IOException {
        Path to = ckpt.resolveSibling("damaged-" + ckpt.getFileName());
        for (int i = 2; Files.exists(to); i++) {
            to = ckpt.resolveSibling("damaged-" + ckpt.getFileName() + "-" + i);
        }
        return Files.move(ckpt, to, StandardCopyOption.ATOMIC_MOVE);
    }
}
