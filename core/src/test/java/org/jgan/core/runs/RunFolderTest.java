package org.jgan.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A run planned for {@code planned} steps, logged every 10 steps up to {@code last}, grids every 50. */
    private Path run(String name, long planned, long last) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("samples"));
        ObjectNode root = JSON.createObjectNode();
        ObjectNode cfg = root.putObject("config");
        cfg.putObject("model").put("name", "dcgan");
        cfg.putObject("data").put("source", "fashion-mnist").put("batch", 64);
        cfg.putObject("schedule").put("steps", planned).put("epochs", 0);
        root.putObject("provenance").putObject("dataset").put("name", "fashion-mnist:train").put("images", 60000);
        Files.writeString(dir.resolve("config.json"), root.toString());
        for (long s = 10; s <= last; s += 10) {
            append(dir, "stats.jsonl", JSON.createObjectNode().put("step", s).put("epoch", s / 1000.0)
                    .put("Loss/D", 0.5 + s / 1000.0).put("time", System.currentTimeMillis() / 1000.0).toString());
        }
        for (long s = 50; s <= last; s += 50) {
            Files.write(dir.resolve("samples").resolve(String.format("step-%06d.png", s)), new byte[] {1});
        }
        return dir;
    }

    private static void append(Path dir, String file, String line) throws Exception {
        Files.writeString(dir.resolve(file), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void summarisesModelDataStepBestFidAndStatus() throws Exception {
        Path dir = run("a", 400, 200);
        append(dir, "metrics.jsonl", "{\"step\":100,\"fid\":41.25}");
        append(dir, "metrics.jsonl", "{\"step\":200,\"fid\":23.4567}");
        RunFolder run = RunFolder.of(dir);
        RunSummary s = run.summary();
        assertEquals("a", s.name());
        assertEquals("dcgan", s.model());
        assertEquals("fashion-mnist:train", s.data());
        assertEquals(200, s.lastStep());
        assertEquals(400, s.plannedSteps());
        assertEquals(23.4567, s.bestFid());
        assertEquals(200, s.bestFidStep());
        assertEquals(RunStatus.RUNNING, s.status(), "written just now, step 200 of 400");
        assertEquals(0.7, s.latest().get("Loss/D").asDouble(), 1e-12);
        assertEquals(0.2, s.epoch(), 1e-12);
        assertEquals(List.of(50L, 100L, 150L, 200L), run.sampleSteps());
        assertEquals(20, run.stats().size());
        assertEquals(List.of(41.25, 23.4567), run.metrics().stream().map(m -> m.get("fid").asDouble()).toList());
        assertEquals(400, run.config().get("schedule").get("steps").asLong());
        assertEquals(60000, run.provenance().get("dataset").get("images").asLong());
        assertTrue(run.sample(150).isPresent());
        assertFalse(run.sample(160).isPresent());
        assertFalse(run.sample("../config.json").isPresent(), "only grid names");
    }

    @Test
    void finishedAtThePlannedStepAndStoppedWhenIdle() throws Exception {
        assertEquals(RunStatus.FINISHED, RunFolder.of(run("done", 100, 100)).summary().status());
        Path idle = run("idle", 400, 100);
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        for (String name : new String[] {"stats.jsonl", "config.json", "samples"}) {
            Files.setLastModifiedTime(idle.resolve(name), old);
        }
        assertEquals(RunStatus.STOPPED, RunFolder.of(idle).summary().status());
    }

    @Test
    void eventsStandApartAndNonFiniteNumbersBecomeNulls() throws Exception {
        Path dir = run("a", 400, 20);
        append(dir, "stats.jsonl", "{\"step\":25,\"alarm\":\"mode collapse suspected\",\"time\":1.0}");
        append(dir, "stats.jsonl", "{\"step\":30,\"Loss/D\":\"NaN\",\"Loss/G\":1.5,\"time\":2.0}");
        append(dir, "stats.jsonl", "{\"step\":30,\"rollback\":true,\"to\":20,\"time\":3.0}");
        RunFolder run = RunFolder.of(dir);
        assertEquals(2, run.summary().alarms());
        List<ObjectNode> ev = run.events();
        assertEquals("alarm", ev.get(0).get("kind").asText());
        assertEquals("mode collapse suspected", ev.get(0).get("details").asText());
        assertEquals("rollback", ev.get(1).get("kind").asText());
        assertEquals("rollback: true, to: 20", ev.get(1).get("details").asText());
        List<ObjectNode> rows = run.stats();
        assertEquals(3, rows.size(), "two stats lines and the NaN one; events apart");
        assertTrue(rows.get(2).get("Loss/D").isNull());
        ObjectNode slice = run.statsSince(-1, 0);
        assertEquals(3, slice.get("rows").size());
        assertEquals(2, slice.get("events").size());
    }

    @Test
    void survivesAHalfDeletedRun() throws Exception {
        Path dir = run("a", 400, 100);
        append(dir, "stats.jsonl", "this is not json");
        RunFolder run = RunFolder.of(dir);
        assertEquals(1, run.summary().skippedStatsLines());
        Files.delete(dir.resolve("config.json"));
        Files.delete(dir.resolve("samples/step-000050.png"));
        RunSummary s = run.summary();
        assertEquals("no config.json", s.configError());
        assertNull(s.model());
        assertNull(run.config());
        assertEquals(100, s.lastStep(), "stats are still there");
        assertEquals(List.of(100L), run.sampleSteps());
        Files.delete(dir.resolve("stats.jsonl"));
        Files.delete(dir.resolve("samples/step-000100.png"));
        Files.delete(dir.resolve("samples"));
        assertEquals(-1, run.summary().lastStep());
        assertEquals(List.of(), run.sampleSteps());
        assertFalse(run.hasMetrics());
    }

    @Test
    void listsOnlyCompleteCheckpoints() throws Exception {
        Path dir = run("a", 400, 10);
        Files.createDirectories(dir.resolve("checkpoints/step-000010"));
        Files.writeString(dir.resolve("checkpoints/step-000010/state.json"), "{}");
        Files.createDirectories(dir.resolve("checkpoints/step-000020"));
        Files.createDirectories(dir.resolve("checkpoints/.tmp-step-000030"));
        assertEquals(List.of("step-000010"), RunFolder.of(dir).checkpoints(), "no state.json: half written");
    }

    @Test
    void plannedStepsFollowEpochsWhenNoStepLimit() throws Exception {
        JsonNode cfg = JSON.readTree("{\"schedule\":{\"epochs\":2,\"steps\":0},\"data\":{\"batch\":64}}");
        JsonNode prov = JSON.readTree("{\"dataset\":{\"images\":1000}}");
        assertEquals(30, RunConfigFile.plannedSteps(cfg, prov), "2 epochs of 15 full batches");
        assertEquals(-1, RunConfigFile.plannedSteps(cfg, null), "unknown without the data size");
    }
}
