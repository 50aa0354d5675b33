package org.jgan.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path tmp;

    @Test
    void summarisesModelDataStepBestFidAndStatus() {
        RunFixture f = RunFixture.create(tmp, "a", "dcgan", 400, 200);
        f.appendMetrics(100, 41.25);
        f.appendMetrics(200, 23.4567);
        RunFolder run = new RunFolder("a", f.dir);
        ObjectNode s = run.summary();
        assertEquals("dcgan", s.get("model").asText());
        assertEquals("fashion-mnist:train", s.get("data").asText());
        assertEquals(200, s.get("step").asLong());
        assertEquals(400, s.get("plannedSteps").asLong());
        assertEquals(23.4567, s.get("bestFid").asDouble());
        assertEquals(200, s.get("bestFidStep").asLong());
        assertEquals("running", s.get("status").asText(), "written just now, step 200 of 400");
        assertEquals(RunFixture.lossD(200), s.get("latest").get("Loss/D").asDouble());
        assertEquals(List.of(50L, 100L, 150L, 200L), run.sampleSteps());
    }

    @Test
    void finishedAtThePlannedStepAndStoppedWhenIdle() throws Exception {
        RunFixture done = RunFixture.create(tmp, "done", "dcgan", 100, 100);
        assertEquals("finished", new RunFolder("done", done.dir).summary().get("status").asText());
        RunFixture idle = RunFixture.create(tmp, "idle", "dcgan", 400, 100);
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        for (String name : new String[] {"stats.jsonl", "config.json", "samples"}) {
            Files.setLastModifiedTime(idle.dir.resolve(name), old);
        }
        assertEquals("stopped", new RunFolder("idle", idle.dir).summary().get("status").asText());
    }

    @Test
    void eventsGoToAlarmsAndNonFiniteNumbersBecomeGaps() {
        RunFixture f = RunFixture.create(tmp, "a", "dcgan", 400, 20);
        f.appendLine("{\"step\":25,\"alarm\":\"mode collapse suspected\",\"time\":1.0}");
        f.appendLine("{\"step\":30,\"Loss/D\":\"NaN\",\"Loss/G\":1.5,\"time\":2.0}");
        f.appendLine("{\"step\":30,\"rollback\":true,\"to\":20,\"time\":3.0}");
        RunFolder run = new RunFolder("a", f.dir);
        ObjectNode d = run.details();
        assertEquals(2, d.get("alarms").asInt());
        JsonNode ev = d.get("events");
        assertEquals("alarm", ev.get(0).get("kind").asText());
        assertEquals("mode collapse suspected", ev.get(0).get("details").asText());
        assertEquals("rollback", ev.get(1).get("kind").asText());
        assertEquals("rollback: true, to: 20", ev.get(1).get("details").asText());
        ObjectNode slice = run.statsSince(-1, 0);
        assertEquals(3, slice.get("rows").size(), "two stats lines and the NaN one; events apart");
        assertTrue(slice.get("rows").get(2).get("Loss/D").isNull());
        assertEquals(2, slice.get("events").size());
    }

    @Test
    void survivesAHalfDeletedRun() throws Exception {
        RunFixture f = RunFixture.create(tmp, "a", "dcgan", 400, 100);
        f.appendLine("this is not json");
        RunFolder run = new RunFolder("a", f.dir);
        assertEquals(1, run.summary().get("skippedLines").get("stats.jsonl").asInt());
        Files.delete(f.dir.resolve("config.json"));
        Files.delete(f.sample(50));
        ObjectNode d = run.details();
        assertEquals("no config.json", d.get("configError").asText());
        assertTrue(d.get("model").isNull());
        assertEquals(100, d.get("step").asLong(), "stats are still there");
        assertEquals(1, d.get("samples").size());
        Files.delete(f.dir.resolve("stats.jsonl"));
        Files.delete(f.sample(100));
        Files.delete(f.dir.resolve("samples"));
        d = run.details();
        assertEquals(-1, d.get("step").asLong());
        assertEquals(0, d.get("samples").size());
        assertFalse(d.get("hasMetrics").asBoolean());
    }

    @Test
    void plannedStepsFollowEpochsWhenNoStepLimit() throws Exception {
        JsonNode cfg = Http.JSON.readTree("{\"schedule\":{\"epochs\":2,\"steps\":0},\"data\":{\"batch\":64}}");
        JsonNode prov = Http.JSON.readTree("{\"dataset\":{\"images\":1000}}");
        assertEquals(30, RunFolder.plannedSteps(cfg, prov), "2 epochs of 15 full batches");
        assertEquals(-1, RunFolder.plannedSteps(cfg, null), "unknown without the data size");
    }
}
