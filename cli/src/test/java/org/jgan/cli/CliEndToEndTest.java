package org.jgan.cli;

import static org.jgan.cli.CliTest.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jgan.cli.CliTest.Result;
import org.jgan.core.data.IdxReader;
import org.jgan.core.train.Checkpoints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the command line end to end on a tiny IDX data set: {@code train} writes a complete run folder, {@code sample}
 * writes grid, PNG and IDX output readable by the project's own readers (reproducibly per seed), and
 * {@code train --resume DIR --steps N} continues the same run to step N.
 */
class CliEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path run;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainThreeSteps() throws IOException {
        Path data = CliTest.writeIdxFolder(shared.resolve("idx"));
        run = shared.resolve("run");
        ok("train", "--model", "dcgan", "--data", data.toString(), "--steps", "3", "--batch", "8", "--seed", "5",
                "--set", "model.width=8", "--set", "data.limit=16", "--set", "schedule.sampleCount=4",
                "--set", "schedule.checkpointEvery=2", "--out", run.toString(), "--no-progress");
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static JsonNode lastStats(Path runDir) throws IOException {
        List<String> lines = Files.readAllLines(runDir.resolve("stats.jsonl"));
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    @Test
    void trainWritesTheRunFolder() throws IOException {
        JsonNode cfg = JSON.readTree(run.resolve("config.json").toFile());
        assertEquals(8, cfg.at("/config/model/width").asInt());
        assertEquals(16, cfg.at("/config/data/limit").asInt());
        assertEquals(5, cfg.at("/config/seed").asInt());
        assertEquals(16, cfg.at("/provenance/dataset/images").asInt());
        assertEquals("[1,28,28]", cfg.at("/provenance/dataset/shape").toString());
        assertEquals(16, cfg.at("/provenance/dataset/fingerprint").asText().length());
        // the step-0 checkpoint is the rollback target of a run that diverges before its first periodic one
        assertEquals(List.of("step-000000", "step-000002", "step-000003"),
                Checkpoints.list(run).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(3, lastStats(run).get("step").asInt());
        assertTrue(Double.isFinite(lastStats(run).get("Loss/D").asDouble()));
        BufferedImage grid = ImageIO.read(run.resolve("samples/step-000003.png").toFile());
        assertEquals(2 * 30 + 2, grid.getWidth(), "4 samples make a 2x2 grid of 28+2 pixel cells");
    }

    @Test
    void sampleIdxIsReadBackAndReproducible() throws IOException {
        Path a = tmp.resolve("a-idx3-ubyte");
        Path b = tmp.resolve("b-idx3-ubyte");
        Path c = tmp.resolve("c-idx3-ubyte");
        ok("sample", "--run", run.toString(), "--count", "5", "--seed", "3", "--format", "idx", "--out", a.toString());
        ok("sample", "--run", run.toString(), "--count", "5", "--seed", "3", "--format", "idx", "--out", b.toString());
        ok("sample", "--run", run.toString(), "--count", "5", "--seed", "4", "--format", "idx", "--out", c.toString());
        IdxReader.Idx idx = IdxReader.read(a, 3);
        assertArrayEquals(new int[]{5, 28, 28}, idx.dims());
        assertArrayEquals(idx.data(), IdxReader.read(b, 3).data(), "the same --seed must give the same images");
        assertFalse(java.util.Arrays.equals(idx.data(), IdxReader.read(c, 3).data()));
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOfRange(idx.data(), 0, 784),
                java.util.Arrays.copyOfRange(idx.data(), 784, 1568)), "different latents, different images");
    }

    @Test
    void sampleGridAndPngs() throws IOException {
        Path grid = tmp.resolve("grid.png");
        ok("sample", "--run", run.toString(), "--count", "5", "--format", "grid", "--out", grid.toString());
        BufferedImage g = ImageIO.read(grid.toFile());
        // 5 images in rows of ceil(sqrt(5)) = 3: 3 x 2 cells of 28 + 2 pixels, plus a 2-pixel border
        assertEquals(3 * 30 + 2, g.getWidth());
        assertEquals(2 * 30 + 2, g.getHeight());

        Path dir = tmp.resolve("pngs");
        ok("sample", "--run", run.toString(), "--count", "3", "--format", "png", "--out", dir.toString(),
                "--checkpoint", "step-000002");
        assertEquals(List.of("000000.png", "000001.png", "000002.png"), names(dir));
        BufferedImage one = ImageIO.read(dir.resolve("000001.png").toFile());
        assertEquals(28, one.getWidth());
        assertEquals(28, one.getHeight());
        assertEquals(1, one.getColorModel().getNumColorComponents());

        Result missing = CliTest.run("sample", "--run", run.toString(), "--checkpoint", "step-000009",
                "--out", tmp.resolve("x.png").toString());
        CliTest.assertUserError(missing, "no checkpoint named step-000009", "step-000003");
    }

    @Test
    void resumeContinuesTheRunToTheNewStepLimit() throws IOException {
        Path copy = tmp.resolve("run");
        copyTree(run, copy);
        byte[] config = Files.readAllBytes(copy.resolve("config.json"));
        ok("train", "--resume", copy.toString(), "--steps", "5", "--no-progress");
        assertEquals(5, lastStats(copy).get("step").asInt());
        // checkpointEvery=2 adds step 4, the end adds step 5, and keepCheckpoints=3 prunes step 2.
        assertEquals(List.of("step-000003", "step-000004", "step-000005"),
                Checkpoints.list(copy).stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(Files.exists(copy.resolve("samples/step-000005.png")));
        assertArrayEquals(config, Files.readAllBytes(copy.resolve("config.json")), "resume must not rewrite config");
        // Resuming a run already at its target trains nothing and names the checkpoint it stands on.
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            ok("train", "--resume", copy.toString(), "--steps", "5", "--no-progress");
        } finally {
            System.setOut(stdout);
        }
        String out = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(out.contains("checkpoint: " + copy.resolve("checkpoints/step-000005") + " (step 5)"), out);
        CliTest.assertUserError(CliTest.run("train", "--resume", copy.toString(), "--steps", "6", "--model",
                "vanilla"), "--resume continues a run as it was configured");
    }

    /** What {@code action} printed to System.err (the train and sample commands report notes and warnings there). */
    static String stderrOf(Runnable action) {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            action.run();
        } finally {
            System.setErr(stderr);
        }
        return printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointResumesFromStepZero() throws IOException {
        // A kill while the step-0 checkpoint was written leaves config.json and a hidden, half-filled folder.
        Path killed = tmp.resolve("killed");
        Files.createDirectories(killed.resolve("checkpoints/.tmp-step-000000-x1"));
        Files.copy(run.resolve("config.json"), killed.resolve("config.json"));
        String err = stderrOf(() -> ok("train", "--resume", killed.toString(), "--steps", "2", "--no-progress"));
        assertTrue(err.contains("resuming " + killed + " at step 0"), err);
        assertTrue(err.contains("note: no complete checkpoint"), err);
        assertTrue(err.contains("removed .tmp-step-000000-x1"), err);
        assertEquals(List.of("step-000000", "step-000002"), names(killed.resolve("checkpoints")));
        assertEquals(2, lastStats(killed).get("step").asInt());
    }

    @Test
    void sampleWarnsOfADamagedLatestCheckpointAndTakesTheNewestIntactOne() throws IOException {
        Path copy = tmp.resolve("run");
        copyTree(run, copy);
        Path state = copy.resolve("checkpoints/step-000003/state.json");
        Files.write(state, java.util.Arrays.copyOf(Files.readAllBytes(state), 5));
        Path grid = tmp.resolve("grid.png");
        String err = stderrOf(() -> ok("sample", "--run", copy.toString(), "--count", "4", "--out", grid.toString()));
        assertTrue(err.contains("warning: checkpoint step-000003 is damaged (" + state + ": damaged ("), err);
        assertTrue(err.contains("using step-000002 instead"), err);
        assertTrue(Files.exists(grid));
        Result named = CliTest.run("sample", "--run", copy.toString(), "--checkpoint", "step-000003", "--out",
                tmp.resolve("x.png").toString());
        assertTrue(named.code() != 0 && named.err().contains(state + ": damaged ("), named.toString());
        assertFalse(Files.exists(tmp.resolve("x.png")));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
