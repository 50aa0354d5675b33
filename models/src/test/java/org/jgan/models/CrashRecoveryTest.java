package org.jgan.models;

import static org.jgan.models.TrainerTest.DATA;
import static org.jgan.models.TrainerTest.config;
import static org.jgan.models.TrainerTest.weights;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jgan.core.config.GuardConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.Checkpoints;
import org.jgan.core.train.Provenance;
import org.jgan.core.train.RunDir;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;
import org.jgan.core.train.TrainingDivergedException;
import org.jgan.core.train.TrainingStoppedException;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that what a kill, a damaged file or a guard stop leaves in a run folder does not strand the run. Each test
 * builds the leftovers a kill at one moment leaves (the probes of issue 15: a config.json without a checkpoint, hidden
 * temporary folders and files, stats lines after the checkpoint and a torn one, a truncated state.json, a checkpoint
 * carrying a guard stop) and checks that training resumes from the right step, with exactly the weights of an
 * uninterrupted run where the run is resumable, one log record per step, nothing left over, and a recovery event
 * saying what was done.
 */
class CrashRecoveryTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** Collects the events (recovery notes, rollbacks) a run reports. */
    static final class Events implements TrainListener {
        final List<Map<String, Object>> all = new ArrayList<>();

        @Override
        public void event(Map<String, Object> e) {
            all.add(e);
        }

        /** The messages of the recovery events. */
        List<String> recovery() {
            return all.stream().filter(e -> "recovery".equals(e.get("event"))).map(e -> (String) e.get("message"))
                    .toList();
        }
    }

    static Trainer trainer(TrainConfig cfg, Path run) {
        return new Trainer(Variants.byName("dcgan"), cfg, DATA, run);
    }

    /** D's weights after training a fresh run of {@code cfg} in {@code run}. */
    static float[] straight(TrainConfig cfg, Path run) throws IOException {
        try (Trainer t = trainer(cfg, run)) {
            t.run(new TrainListener() { });
            return weights(t.players().discriminator());
        }
    }

    static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assertNothingHidden(Path run) throws IOException {
        try (Stream<Path> s = Files.walk(run)) {
            List<Path> hidden = s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
            assertEquals(List.of(), hidden, "leftovers of interrupted writes");
        }
    }

    static List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(JSON.readTree(line));  // fails on a torn or glued line
        }
        return out;
    }

    /** The steps of the training records of stats.jsonl (events left out), in file order. */
    static List<Long> loggedSteps(Path run) throws IOException {
        return records(run.resolve("stats.jsonl")).stream().filter(j -> j.has("Loss/D"))
                .map(j -> j.get("step").asLong()).toList();
    }

    static void assertMentions(List<String> messages, String... fragments) {
        assertTrue(messages.stream().anyMatch(m -> Arrays.stream(fragments).allMatch(m::contains)),
                "no message with " + Arrays.toString(fragments) + " in " + messages);
    }

    @Test
    void aRunKilledWhileWritingItsFirstCheckpointResumesFromStepZero() throws Exception {
        TrainConfig cfg = config("dcgan", 4, 0.9);
        float[] expected = straight(cfg, tmp.resolve("straight"));
        // What a kill during the step-0 checkpoint leaves: config.json and the hidden folder being filled.
        Path run = tmp.resolve("killed");
        new RunDir(run).writeConfig(cfg, Provenance.of(cfg.seed(), org.jgan.core.train.TrainingData.of(DATA), "dcgan"));
        Path partial = Files.createDirectories(run.resolve("checkpoints/.tmp-step-000000-3k1x0"));
        Files.writeString(partial.resolve("G.pt"), "half a checkpoint");
        Events events = new Events();
        try (Trainer t = trainer(cfg, run)) {
            assertEquals(0, t.resume().step());
            t.run(events);
            assertEquals(4, t.state().step());
            assertArrayEquals(expected, weights(t.players().discriminator()), "not the run it would have been");
        }
        assertNothingHidden(run);
        assertEquals(List.of("step-000003", "step-000004"), entries(run.resolve("checkpoints")));
        assertEquals(List.of(2L, 4L), loggedSteps(run));
        assertMentions(events.recovery(), "no complete checkpoint", "step 0");
        assertMentions(events.recovery(), "removed .tmp-step-000000-3k1x0");
    }

    @Test
    void aFolderWithNeitherCheckpointNorConfigIsStillNoRunToResume() throws Exception {
        try (Trainer t = trainer(config("dcgan", 2, 0), tmp.resolve("empty"))) {
            var e = assertThrows(org.jgan.core.config.ConfigException.class, t::resume);
            assertTrue(e.getMessage().endsWith("has no checkpoint to resume from"), e.getMessage());
        }
    }

    /** Checkpoints that are gone after steps were logged were moved or deleted: resuming from 0 would cut the logs. */
    @Test
    void aRunWithLoggedStepsButNoCheckpointIsRefusedNotRestarted() throws Exception {
        Path run = tmp.resolve("moved");
        straight(config("dcgan", 4, 0), run);
        String stats = Files.readString(run.resolve("stats.jsonl"));
        try (Stream<Path> all = Files.walk(run.resolve("checkpoints"))) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (Trainer t = trainer(config("dcgan", 8, 0), run)) {
            var e = assertThrows(org.jgan.core.config.ConfigException.class, t::resume);
            assertTrue(e.getMessage().contains("records steps up to 4"), e.getMessage());
        }
        assertEquals(stats, Files.readString(run.resolve("stats.jsonl")), "the logs were touched");
    }

    /** A new run's output folder may be anyone's: hidden temporary files there are not the run's to remove. */
    @Test
    void aNewRunInAForeignFolderLeavesItsHiddenFilesAlone() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("somebody"));
        Files.writeString(run.resolve(".editor.swp.tmp"), "theirs");
        Files.createDirectories(run.resolve(".tmp-build-1"));
        try (Trainer t = trainer(config("dcgan", 1, 0), run)) {
            t.run(new Events());
        }
        assertTrue(Files.exists(run.resolve(".editor.swp.tmp")));
        assertTrue(Files.isDirectory(run.resolve(".tmp-build-1")));
    }

    @Test
    void trainingStartsByRemovingWhatInterruptedWritesLeft() throws Exception {
        Path run = tmp.resolve("fresh");
        Files.createDirectories(run.resolve("checkpoints/.tmp-step-000003-zz9/sub"));
        Files.createDirectories(run.resolve("checkpoints/.old-best-77"));  // a replaced best, and no best: restored
        Files.writeString(run.resolve("checkpoints/.old-best-77/state.json"), "{\"step\":3}");
        Files.createDirectories(run.resolve("samples"));
        Files.writeString(run.resolve("samples/.step-000003.png.4f.tmp"), "");
        Files.writeString(run.resolve(".config.json9183.tmp"), "{\"con");
        Events events = new Events();
        try (Trainer t = trainer(config("dcgan", 1, 0), run)) {
            t.run(events);
        }
        assertNothingHidden(run);
        assertEquals("{\"step\":3}", Files.readString(run.resolve("checkpoints/best/state.json")));
        assertMentions(events.recovery(), "checkpoints: ", "removed .tmp-step-000003-zz9", "restored best");
        assertMentions(events.recovery(), "samples: removed .step-000003.png.4f.tmp");
        assertMentions(events.recovery(), "the run folder: removed .config.json9183.tmp");
    }

    @Test
    void resumeRewindsStatsAndMetricsToTheCheckpoint() throws Exception {
        Path straight = tmp.resolve("straight");
        straight(config("dcgan", 10, 0), straight);
        Path run = tmp.resolve("killed");
        straight(config("dcgan", 6, 0), run);
        // The same run killed at step 8, in the middle of a stats line, after its checkpoint of step 6: the lines of
        // steps 7 and 8 went out, and an evaluation of step 8 too, but no checkpoint after step 6.
        StringBuilder after = new StringBuilder();
        for (String line : Files.readAllLines(straight.resolve("stats.jsonl"))) {
            long step = JSON.readTree(line).get("step").asLong();
            if (step > 6 && step <= 8) {
                after.append(line).append('\n');
            }
        }
        Files.writeString(run.resolve("stats.jsonl"), after + "{\"step\":9,\"Loss/D\":0.6",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(run.resolve("metrics.jsonl"), "{\"step\":3,\"fid\":90.5,\"best\":true}\n"
                + "{\"step\":8,\"fid\":80.5,\"best\":true}\n");
        Events events = new Events();
        try (Trainer t = trainer(config("dcgan", 10, 0), run)) {
            assertEquals(6, t.resume().step());
            t.run(events);
        }
        assertEquals(List.of(2L, 4L, 6L, 8L, 10L), loggedSteps(straight));
        assertEquals(loggedSteps(straight), loggedSteps(run), "one record per logged step, as without the kill");
        List<JsonNode> metrics = records(run.resolve("metrics.jsonl"));
        assertEquals(1, metrics.size(), metrics.toString());
        assertEquals(3, metrics.get(0).get("step").asInt());
        assertMentions(events.recovery(), "stats.jsonl: dropped 2 line(s) written after step 6");
        assertTrue(Files.readString(run.resolve("stats.jsonl.before-rewind")).contains("\"step\":8"),
                "what a rewind drops is kept beside the log");
        assertMentions(events.recovery(), "metrics.jsonl: dropped 1 line(s) written after step 6");
    }

    @Test
    void aDamagedNewestCheckpointIsSetAsideAndTheRunResumesFromTheNewestIntactOne() throws Exception {
        TrainConfig cfg = config("dcgan", 6, 0.9);
        float[] expected = straight(cfg, tmp.resolve("straight"));
        Path run = tmp.resolve("damaged");
        straight(cfg, run);
        Path state = run.resolve("checkpoints/step-000006/state.json");
        Files.write(state, Arrays.copyOf(Files.readAllBytes(state), 9));
        // Sampling the latest passes over it and says so; naming it is an error that names the file.
        try (RunGenerator rg = RunGenerator.load(run, null, true)) {
            assertEquals("step-000003", rg.checkpoint().getFileName().toString());
            assertEquals(1, rg.warnings().size(), rg.warnings().toString());
            assertMentions(rg.warnings(), "checkpoint step-000006 is damaged", "state.json: damaged",
                    "using step-000003 instead");
        }
        IOException e = assertThrows(IOException.class, () -> RunGenerator.load(run, "step-000006", true));
        assertTrue(e.getMessage().startsWith(state + ": damaged ("), e.getMessage());
        Events events = new Events();
        try (Trainer t = trainer(cfg, run)) {
            assertEquals(3, t.resume().step());
            t.run(events);
            assertArrayEquals(expected, weights(t.players().discriminator()));
        }
        assertEquals(List.of("damaged-step-000006", "step-000003", "step-000006"), entries(run.resolve("checkpoints")));
        assertEquals(List.of("step-000003", "step-000006"),
                Checkpoints.list(run).stream().map(p -> p.getFileName().toString()).toList());
        assertMentions(events.recovery(), "checkpoint step-000006 does not load", "state.json: damaged",
                "moved it to damaged-step-000006", "resumed from step-000003");
        assertEquals(List.of(2L, 4L, 6L), loggedSteps(run));
    }

    @Test
    void aResumeAfterTheGuardRanOutOfRollbacksLowersTheRatesFurtherInsteadOfReplayingTheStop() throws Exception {
        // Every loss counts as exploding: each try of step 1 rolls back to step 0, until the allowance of 2 is used.
        TrainConfig cfg = config("dcgan", 5, 0).withGuard(new GuardConfig(1e-6, 2, 0.5, "warn", GuardConfig.DEAD_STEPS));
        Path run = tmp.resolve("boom");
        try (Trainer t = trainer(cfg, run)) {
            assertThrows(TrainingDivergedException.class, () -> t.run(new TrainListener() { }));
            assertEquals(0.25, t.state().lrScale(), 0.0);
        }
        Path ckpt = run.resolve("checkpoints/step-000000");
        assertEquals(new TrainState(0, 0, 0, 0.25, 2), Checkpoints.readState(ckpt), "the guard's state is saved");
        assertTrue(Files.exists(ckpt.resolve("guard-stop.json")), "the stop is saved");
        Events events = new Events();
        try (Trainer t = trainer(cfg, run)) {
            TrainState s = t.resume();
            assertEquals(0.25, s.lrScale(), 0.0, "the rates the rollbacks reached");
            assertEquals(0, s.rollbacks(), "a new allowance");
            assertThrows(TrainingDivergedException.class, () -> t.run(events));
            assertEquals(0.0625, t.state().lrScale(), 0.0, "two more cuts, not the same stop replayed");
        }
        assertMentions(events.recovery(), "the guard stopped this run at step 0", "still at 0.25",
                "new allowance of 2 rollback(s)");
        List<Object> scales = events.all.stream().filter(e -> e.containsKey("rollback")).map(e -> e.get("lr_scale"))
                .toList();
        assertEquals(List.of(0.125, 0.0625), scales);
    }

    @Test
    void aResumeAfterAnAlarmStoppedTheRunSaysTheSameSettingsMayStopItAgain() throws Exception {
        TrainConfig cfg = config("dcgan", 5, 0).withGuard(new GuardConfig(1e5, 3, 0.5, "stop", GuardConfig.DEAD_STEPS));
        Path run = tmp.resolve("alarm");
        try (Trainer t = trainer(cfg, run)) {
            assertThrows(TrainingStoppedException.class, () -> t.run(new TrainListener() {
                Trainer tr;

                @Override
                public void attached(Trainer trainer) {
                    tr = trainer;
                }

                @Override
                public void stepDone(TrainState s, Map<String, Double> st) {
                    if (s.step() == 2) {
                        tr.alarm("collapse", "coverage fell to 1 class");
                    }
                }
            }));
        }
        Events events = new Events();
        try (Trainer t = trainer(cfg, run)) {
            assertEquals(new TrainState(0, 0, 0), t.resume());
            assertFalse(Files.exists(run.resolve("checkpoints/step-000000/guard-stop.json")), "answered once");
            t.run(events);
            assertEquals(5, t.state().step());
        }
        assertMentions(events.recovery(), "the guard stopped this run at step 2 (coverage fell to 1 class)",
                "may raise the same alarm and stop it again", "guard.onCollapse=warn");
    }
}
