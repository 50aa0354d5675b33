package org.jgan.cli;

import static org.jgan.cli.CliTest.ok;
import static org.jgan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.jgan.cli.CliTest.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs of issue #15 that got exit 1, several lines or no file name: each is now exit 2 and one line naming
 * the input (and, for an option, its allowed values), with outputs checked before any data or weights load.
 */
class BadInputTest {
    @TempDir
    static Path shared;
    static Path data;
    static Path run;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainTwoSteps() throws IOException {
        data = CliTest.writeIdxFolder(shared.resolve("idx"));
        run = shared.resolve("runs/a");
        ok("train", "--model", "dcgan", "--data", data.toString(), "--steps", "2", "--batch", "8",
                "--set", "model.width=8", "--set", "schedule.sampleCount=4", "--out", run.toString(), "--no-progress");
    }

    /** Exit 2 and exactly one line, containing every fragment, without usage text or exception names. */
    static void assertOneLine(Result r, String... fragments) {
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), "one line:\n" + r);
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' missing:\n" + r);
        }
        assertFalse(r.err().contains("Usage:") || r.err().contains("Exception"), r.toString());
    }

    /** A copy of the trained run, to damage. */
    Path copyOfRun() throws IOException {
        return copyOfRun(tmp.resolve("runs/copy"));
    }

    static Path copyOfRun(Path copy) throws IOException {
        try (var files = Files.walk(run)) {
            for (Path p : files.toList()) {
                Path to = copy.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return copy;
    }

    @Test
    void anNpzCutShortIsNamed() throws IOException {
        // cut inside the first zip entry's header: "I/O error: EOFException" before
        Path whole = tmp.resolve("stats.npz");
        new org.jgan.metrics.FidStats("x", 10, new double[] {1, 2}, new double[] {1, 0, 0, 1}).save(whole);
        Path cut = Files.write(tmp.resolve("cut.npz"), Arrays.copyOf(Files.readAllBytes(whole), 20));
        assertOneLine(run("fid", cut.toString(), whole.toString()), cut + ": not a .npz file");
    }

    @Test
    void invalidJsonConfigsAreOneLineNamingFileLineAndColumn() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"model\": {");
        assertOneLine(run("train", "--config", bad.toString(), "--out", tmp.resolve("r").toString()),
                bad + ": not valid JSON at line 1, column 12 (Unexpected end-of-input");
        Path copy = copyOfRun();
        Files.writeString(copy.resolve("config.json"), "{\"config\": {\"seed\": 1,");
        assertOneLine(run("sample", "--run", copy.toString(), "--out", tmp.resolve("x.png").toString()),
                copy.resolve("config.json") + ": not valid JSON at line 1, column 23");
        assertFalse(run("sample", "--run", copy.toString(), "--out", "x.png").err().contains("Source"));
    }

    @Test
    void configFilesThatAreNotConfigsAreRefusedInConfigWords() throws IOException {
        String out = tmp.resolve("r").toString();
        String[][] cases = {
            {"[1, 2]", "holds an array, not a JSON object of config sections"},
            {"\"hello\"", "holds a string, not a JSON object of config sections"},
            {"{\"config\": 5}", "holds a \"config\" that is a number, not a JSON object"},
            {"{\"optim\": {\"lrGG\": 0.001}}", "optim.lrGG: unknown key (this section's keys: "},
            {"{\"optim\": {\"lrG\": \"abc\"}}", "optim.lrG: expected a number, got \"abc\""},
            {"{\"data\": {\"batch\": 64.9}}", "data.batch: expected a whole number, got 64.9"},
            {"{\"schedule\": {\"steps\": 1.5}}", "schedule.steps: expected a whole number, got 1.5"},
        };
        for (String[] c : cases) {
            Path f = Files.writeString(tmp.resolve("c.json"), c[0]);
            Result r = run("train", "--dry-run", "--config", f.toString(), "--steps", "2", "--out", out);
            assertOneLine(r, f + ": ");
            assertTrue(r.err().contains(c[1]) && !r.err().contains("class org.") && !r.err().contains("deserialize"),
                    c[0] + " -> " + r);
        }
        assertOneLine(run("train", "--dry-run", "--threads", "0", "--steps", "2", "--out", out),
                "--threads must be at least 1, got 0");
    }

    @Test
    void oversizedGridsAndNonNumbersAreRefusedBeforeAnythingIsGenerated() {
        // a million images once generated for 8 minutes, then wrote a 549 MB PNG
        assertOneLine(run("sample", "--run", run.toString(), "--count", "10001", "--out",
                tmp.resolve("g.png").toString()), "a grid shows at most 10000 images, asked for 10001; write more as "
                + "PNG files or IDX");
        assertOneLine(run("sample", "--run", run.toString(), "--uncalibrated", "--out", tmp.resolve("g.png")
                .toString()), "--uncalibrated is for table rows; this run makes images");
        assertOneLine(run("augment", "--run", run.toString(), "--count-per-class", "5", "--mix-with", "x",
                "--ratio", "NaN", "--out", tmp.resolve("a").toString()), "--ratio must be a positive number, got NaN");
        assertOneLine(run("augment", "--run", run.toString(), "--count-per-class", "5", "--min-confidence", "NaN",
                "--out", tmp.resolve("a").toString()), "--min-confidence must be in (0, 1), got NaN");
    }

    @Test
    void outputsAreCheckedBeforeTheDataLoads() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        // the missing data would be the error if the data loaded first
        String[] train = {"train", "--data", tmp.resolve("no-data").toString(), "--steps", "1", "--out", ""};
        train[train.length - 1] = file.toString();
        assertOneLine(run(train), "--out " + file + ": is a file, not a folder");
        train[train.length - 1] = file.resolve("run").toString();
        assertOneLine(run(train), "--out " + file.resolve("run") + ": " + file + " is a file, not a folder");
        assertOneLine(run("sample", "--run", run.toString(), "--out", file.resolve("x.png").toString()),
                file + " is a file, not a folder");
        assertOneLine(run("sample", "--run", run.toString(), "--out", tmp.toString()), "is a folder; give a file name");
    }

    @Test
    void readOnlyFoldersSayWhyBeforeAnythingLoads() throws IOException {
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        Path copy = copyOfRun();
        for (Path p : new Path[] {ro, copy}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        // Root writes through permission bits (the test suite runs as root here): a probe write tells, and then only
        // this case is skipped; the cases above that need no permissions (a parent that is a file) always run.
        boolean refused;
        try {
            Files.delete(Files.createFile(ro.resolve("probe")));
            refused = false;
        } catch (java.nio.file.AccessDeniedException e) {
            refused = true;
        }
        Assumptions.assumeTrue(refused, "running as root: permission bits do not stop writes, case skipped");
        assertOneLine(run("sample", "--run", run.toString(), "--out", ro.resolve("x.png").toString()),
                "--out " + ro.resolve("x.png") + ": cannot write in " + ro + " (permission denied)");
        assertOneLine(run("train", "--data", data.toString(), "--steps", "1", "--out", ro.resolve("r").toString()),
                "cannot write in " + ro + " (permission denied)");
        assertOneLine(run("train", "--resume", copy.toString(), "--steps", "3"),
                "--resume " + copy + ": cannot write in " + copy + " (permission denied)");
    }

    @Test
    void aTruncatedCheckpointFileIsCalledThat() throws IOException {
        Path copy = copyOfRun();
        Path g = copy.resolve("checkpoints/step-000002/G.pt");
        byte[] b = Files.readAllBytes(g);
        Files.write(g, Arrays.copyOf(b, b.length / 2));
        // named explicitly (without a name, sampling falls back to the newest intact checkpoint with a warning)
        assertOneLine(run("sample", "--run", copy.toString(), "--checkpoint", "step-000002", "--no-ema", "--out",
                tmp.resolve("x.png").toString()), g + ": truncated or corrupt");
    }

    @Test
    void badOptionValuesAreOneLineWithTheAllowedValues() {
        String out = tmp.resolve("x.png").toString();
        assertOneLine(run("sample", "--run", run.toString(), "--out", out, "--count", "99999999999"),
                "--count must be in 1..1000000, got 99999999999");
        assertOneLine(run("sample", "--run", run.toString(), "--out", out, "--format", "jpeg"),
                "'--format'", "[png, grid, idx, csv, jsonl, gif]", "'jpeg'", "see 'jgan sample --help'");
        assertOneLine(run("train", "--batch", "1e3"), "'--batch'", "'1e3' is not a whole number");
        assertOneLine(run("train", "--stepz", "3"), "'--stepz'", "did you mean --steps?");
    }

    @Test
    void aCheckpointNameMustStayInsideTheRun() throws IOException {
        Path copy = copyOfRun();
        copyOfRun(tmp.resolve("runs/other"));
        String outside = "../../other/checkpoints/step-000002";
        assertTrue(Files.isDirectory(copy.resolve("checkpoints").resolve(outside)), "the probe reaches another run");
        assertOneLine(run("sample", "--run", copy.toString(), "--checkpoint", outside, "--out",
                tmp.resolve("x.png").toString()), "checkpoint name '" + outside + "' is not a folder of its");
    }
}
