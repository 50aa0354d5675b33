package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the command line turns every bad input into exit code 2 with one line naming the input (no stack trace
 * unless --verbose), and that help lists the commands.
 */
class CliTest {
    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path tmp;

    /** What one CLI run returned and printed. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nout: " + out + "\nerr: " + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** Like {@link #run}, also capturing what commands print to System.out and System.err themselves. */
    static synchronized Result runCapturing(String... args) {
        java.io.PrintStream oldOut = System.out;
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream o = new java.io.PrintStream(out, true);
             java.io.PrintStream e = new java.io.PrintStream(err, true)) {
            System.setOut(o);
            System.setErr(e);
            int code = Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Runs the CLI and fails the test, showing what it printed, unless it exits 0. */
    static Result ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    /** A folder with MNIST-named IDX files: 24 labelled 28x28 images. */
    static Path writeIdxFolder(Path dir) throws IOException {
        ImageDataset d = SyntheticData.shapes(24, 28, 3);
        Files.createDirectories(dir);
        IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[]{24, 28, 28}, d.pixels());
        byte[] labels = new byte[24];
        for (int i = 0; i < 24; i++) {
            labels[i] = (byte) d.labels()[i];
        }
        IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), new int[]{24}, labels);
        return dir;
    }

    @BeforeAll
    static void data() throws IOException {
        data = writeIdxFolder(shared.resolve("idx"));
    }

    /** A quick train invocation into {@code tmp/run} with {@code extra} arguments appended. */
    String[] train(String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--batch", "8", "--set",
                "model.width=8", "--out", tmp.resolve("run").toString(), "--no-progress"));
        a.addAll(Arrays.asList(extra));
        if (!a.contains("--model")) {
            a.addAll(List.of("--model", "dcgan"));
        }
        return a.toArray(String[]::new);
    }

    static void assertUserError(Result r, String... fragments) {
        assertEquals(2, r.code(), r.toString());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' missing:\n" + r);
        }
        assertFalse(r.err().contains("\tat "), "stack trace without --verbose:\n" + r);
        assertFalse(r.err().contains("Exception"), "exception class name shown to the user:\n" + r);
    }

    /** Skips the calling test unless Debian's /usr/bin/python3 imports {@code modules} (e.g. "torch, scipy"). */
    static void assumePython(String modules, String packages) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import " + modules).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "Debian's " + packages + " not installed");
    }

    /** The step of the run's latest checkpoint folder (step-NNNNNN). */
    static long latestCheckpointStep(Path run) throws IOException {
        try (var dirs = Files.list(run.resolve("checkpoints"))) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("step-"))
                    .mapToLong(n -> Long.parseLong(n.substring(5))).max().orElseThrow();
        }
    }

    @Test
    void minutesStopsTrainingEarlyWithAFinalCheckpointOrLetsAShorterLengthWin() throws IOException {
        Path run = tmp.resolve("run");
        // 6 s of a million tiny steps: the budget stops it, and the last stats line and checkpoint agree. (0.6 s was
        // used up by set-up alone on a loaded machine, leaving no step: the fake-clock tests of TimeBudget cover the
        // exact arithmetic, this one the wiring.)
        assertEquals(0, run(train("--steps", "1000000", "--minutes", "0.1", "--threads", "1")).code());
        long step = latestCheckpointStep(run);
        assertTrue(step > 0 && step < 1_000_000, "stopped at step " + step);
        List<String> lines = Files.readAllLines(run.resolve("stats.jsonl"));
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"step\":" + step + ","), lines.get(lines.size() - 1));
        assertTrue(Files.exists(run.resolve(String.format("samples/step-%06d.png", step))));
        // --minutes alone is a length; the preset's 5 epochs (3 batches each) still cap it
        Path capped = tmp.resolve("capped");
        List<String> a = new ArrayList<>(Arrays.asList(train("--minutes", "5", "--threads", "1")));
        a.set(a.indexOf(run.toString()), capped.toString());
        assertEquals(0, run(a.toArray(String[]::new)).code());
        assertEquals(15, latestCheckpointStep(capped));
        assertUserError(run(train("--steps", "5", "--minutes", "0")), "--minutes must be positive");
        assertUserError(run(train("--steps", "5", "--minutes", "-2")), "--minutes must be positive");
    }

    @Test
    void aRunThatGoesDeadAlarmsAndExits3() throws IOException {
        // Learning rate 0.9 kills this run by step 20: D's loss 0, G's frozen, every sample the same image. The
        // healthy runs of the other tests (exit 0 asserted) are the other half of the proof.
        Result r = runCapturing(train("--steps", "150", "--set", "optim.lrG=0.9", "--set", "optim.lrD=0.9",
                "--threads", "1"));
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("ALARM (d-pinned) at step "), r.toString());
        assertTrue(r.err().contains("ALARM (g-frozen) at step "), r.toString());
        assertTrue(r.err().contains("WARNING: this run raised 3 alarms"), r.toString());
        assertTrue(Files.readString(tmp.resolve("run/stats.jsonl")).contains("\"alarm\":\"samples-alike\""));
        assertTrue(r.out().contains("checkpoint: "), "the run folder is still complete:\n" + r);
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertEquals(0, r.code(), r.toString());
        for (String c : List.of("train", "sample", "bench", "doctor")) {
            assertTrue(r.out().contains(c), c + " missing from --help:\n" + r.out());
        }
        Result t = run("train", "--help");
        assertEquals(0, t.code(), t.toString());
        for (String o : List.of("--resume", "--steps", "--epochs", "--set", "--data", "dcgan, vanilla")) {
            assertTrue(t.out().contains(o), o + " missing from train --help:\n" + t.out());
        }
        assertEquals(0, run("sample", "--help").code());
    }

    @Test
    void unknownModel() {
        assertUserError(run(train("--steps", "1", "--model", "stylegan9")), "unknown model 'stylegan9'", "dcgan");
    }

    @Test
    void missingDataFolder() {
        String missing = tmp.resolve("no-such-folder").toString();
        List<String> a = new ArrayList<>(Arrays.asList(train("--steps", "1")));
        a.set(a.indexOf(data.toString()), missing);
        assertUserError(run(a.toArray(String[]::new)), missing, "no such file or folder");
    }

    @Test
    void batchLargerThanTheData() {
        assertUserError(run(train("--steps", "1", "--set", "data.limit=5")),
                "batch size 8 is larger than the data (5 images)");
    }

    @Test
    void existingRunFolderNeedsResume() throws IOException {
        Files.createDirectories(tmp.resolve("run"));
        Files.writeString(tmp.resolve("run/config.json"), "{}");
        assertUserError(run(train("--steps", "1")), tmp.resolve("run") + " already holds a run", "--resume");
    }

    @Test
    void resumeOfAFolderThatIsNotARun() {
        assertUserError(run("train", "--resume", tmp.toString(), "--steps", "2"), tmp + ": not a jgan run folder");
        assertUserError(run("sample", "--run", tmp.toString(), "--out", tmp.resolve("x.png").toString()),
                "not a jgan run folder");
    }

    @Test
    void unknownSetKeyListsTheKeys() {
        assertUserError(run(train("--steps", "1", "--set", "nope.key=1")), "unknown config key 'nope.key'",
                "known keys and sections:", "model.*", "schedule.*");
        assertUserError(run(train("--steps", "1", "--set", "optim.lrG=fast")), "optim.lrG", "'fast'");
    }

    @Test
    void trainingLengthIsRequired() {
        assertUserError(run(train()), "--epochs N, --steps N or --minutes M");
        assertUserError(run(train("--set", "schedule.epochs=0")), "say how long to train: set schedule.epochs or "
                + "schedule.steps");
        assertFalse(Files.exists(tmp.resolve("run/config.json")), "nothing may be written for a rejected run");
    }

    @Test
    void badOptionsAndValues() {
        assertUserError(run(train("--steps", "-3")), "schedule.steps must be 0 or positive");
        assertEquals(2, run("train", "--stepz", "3").code());
        assertEquals(2, run("sample", "--run", tmp.toString()).code(), "--out is required");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Result r = run(train("--steps", "1", "--model", "nope", "--verbose"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("unknown model 'nope'"), r.toString());
        assertTrue(r.err().contains("\tat org.jgan."), "--verbose should print the stack trace:\n" + r);
        Result before = run("--verbose", "train", "--model", "nope", "--steps", "1", "--out", tmp.toString());
        assertTrue(before.err().contains("\tat org.jgan."), "jgan --verbose train:\n" + before);
    }
}
