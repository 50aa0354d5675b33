package org.jgan.cli;

import static org.jgan.cli.CliTest.ok;
import static org.jgan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.cli.CliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table from the command line: ctgan trains on a CSV with a schema file, samples rows by seed and by condition,
 * the report reads the run; a timegan run samples windows. Bad inputs are one-line errors with exit code 2.
 */
class TableCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void trainsSamplesWithConditionsAndReports() throws Exception {
        Path csv = TableReportCommandTest.table(tmp.resolve("people.csv"), 200, 1);
        Path schema = tmp.resolve("schema.json");
        Files.writeString(schema, "{\"columns\": {\"age\": \"integer\"}}");
        Path run = tmp.resolve("run");
        ok("train", "--model", "ctgan", "--data", csv.toString(), "--schema", schema.toString(), "--steps", "3",
                "--batch", "50", "--threads", "1", "--no-progress", "--out", run.toString());
        assertTrue(Files.readString(run.resolve("config.json")).contains(schema.toAbsolutePath().toString()));
        Path a = tmp.resolve("a.csv");
        Result said = CliTest.runCapturing("sample", "--run", run.toString(), "--count", "40", "--seed", "5",
                "--where", "city=Lima", "--where", "rich=yes", "--out", a.toString());
        assertEquals(0, said.code(), said.toString());
        assertTrue(said.out().contains("numbers calibrated to the training rows' distributions in age, income"),
                said.out());
        Path u = tmp.resolve("u.csv");
        said = CliTest.runCapturing("sample", "--run", run.toString(), "--count", "40", "--seed", "5", "--where",
                "city=Lima", "--where", "rich=yes", "--uncalibrated", "--out", u.toString());
        assertEquals(0, said.code(), said.toString());
        assertTrue(said.out().contains("numbers as the generator writes them"), said.out());
        assertNotEquals(Files.readString(a), Files.readString(u), "calibration moves the numbers");
        List<String> rows = Files.readAllLines(a);
        assertEquals(41, rows.size());
        assertEquals("age,income,city,rich", rows.get(0));
        assertTrue(rows.subList(1, 41).stream().allMatch(r -> r.endsWith(",Lima,yes")), rows.toString());
        Path b = tmp.resolve("b.csv");
        ok("sample", "--run", run.toString(), "--count", "40", "--seed", "5", "--where", "city=Lima",
                "--where", "rich=yes", "--out", b.toString());
        assertEquals(Files.readString(a), Files.readString(b), "the same seed gives the same rows");
        Result bad = run("sample", "--run", run.toString(), "--count", "5", "--where", "city=Paris", "--out",
                tmp.resolve("c.csv").toString());
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("\"Paris\" never occurs in column \"city\"") && !bad.err().contains("\tat "),
                bad.err());
        bad = run("sample", "--run", run.toString(), "--count", "5", "--where", "city", "--out",
                tmp.resolve("c.csv").toString());
        assertTrue(bad.code() == 2 && bad.err().contains("give COLUMN=VALUE"), bad.toString());
        bad = run("sample", "--run", run.toString(), "--format", "grid", "--out", tmp.resolve("g.png").toString());
        assertTrue(bad.code() == 2 && bad.err().contains("this run makes table rows"), bad.toString());
        bad = run("sample", "--run", run.toString(), "--truncation", "0.5", "--out", tmp.resolve("t.csv").toString());
        assertTrue(bad.code() == 2 && bad.err().contains("--truncation pulls a style-based generator's w towards its "
                + "mean; this run makes table rows"), bad.toString());
        bad = run("stats", run.toString(), "--count", "20", "--out", tmp.resolve("s.npz").toString());
        assertTrue(bad.code() == 2 && bad.err().contains("makes table rows, not images; FID statistics describe "
                + "images"), bad.toString());
        bad = run("eval", "--run", run.toString());
        assertTrue(bad.code() == 2 && bad.err().contains("makes table rows, not images: score it with jgan sample "
                + "--run " + run + " --out rows.csv, then jgan table-report"), bad.toString());
        Path j = tmp.resolve("a.jsonl");
        ok("sample", "--run", run.toString(), "--count", "40", "--seed", "5", "--where", "city=Lima",
                "--where", "rich=yes", "--format", "jsonl", "--out", j.toString());
        org.jgan.core.data.table.Table back = org.jgan.core.data.table.Table.readJsonLines(j);
        org.jgan.core.data.table.Table csvRows = org.jgan.core.data.table.Table.readCsv(a);
        assertEquals(40, back.rows());
        for (int r = 0; r < 40; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(csvRows.cell(c, r), back.cell(c, r), "row " + r + " column " + c);
            }
        }
        ok("table-report", "--run", run.toString(), "--synthetic", a.toString(), "--out",
                tmp.resolve("r.html").toString());
    }

    /**
     * The report reads a run's training rows with the types the run trained with: a date declared with a pattern
     * that is not ISO would otherwise be read back from table/train.csv as a category, and every synthetic date
     * reported as a category the real data never had.
     */
    @Test
    void theReportReadsARunWithItsOwnSchema() throws Exception {
        StringBuilder b = new StringBuilder("day,amount\n");
        java.time.LocalDate d0 = java.time.LocalDate.of(2020, 1, 1);
        for (int r = 0; r < 120; r++) {
            b.append(d0.plusDays(3L * r).format(java.time.format.DateTimeFormatter.ofPattern("uuuu/MM/dd")))
                    .append(',').append(10 + r % 17).append('\n');
        }
        Path csv = tmp.resolve("days.csv");
        Files.writeString(csv, b.toString());
        Path schema = tmp.resolve("days.schema.json");
        Files.writeString(schema, "{\"columns\": {\"day\": {\"type\": \"datetime\", \"format\": \"uuuu/MM/dd\"}}}");
        Path run = tmp.resolve("days-run");
        ok("train", "--model", "ctgan", "--data", csv.toString(), "--schema", schema.toString(), "--steps", "2",
                "--batch", "50", "--threads", "1", "--no-progress", "--out", run.toString());
        Path syn = tmp.resolve("days-syn.csv");
        ok("sample", "--run", run.toString(), "--count", "60", "--seed", "3", "--out", syn.toString());
        Path json = tmp.resolve("days-report.json");
        ok("table-report", "--run", run.toString(), "--synthetic", syn.toString(), "--out",
                tmp.resolve("days.html").toString(), "--json", json.toString());
        String report = Files.readString(json);
        assertTrue(report.contains("\"notes\"") && !report.contains("categories the real data never had"), report);
    }

    @Test
    void badTablesAndSeriesAreOneLineErrors() throws Exception {
        Path ragged = tmp.resolve("ragged.csv");
        Files.writeString(ragged, "a,b\n1,2\n3\n");
        Result r = run("train", "--model", "ctgan", "--data", ragged.toString(), "--steps", "1", "--out",
                tmp.resolve("x").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("ragged.csv") && r.err().lines().count() <= 2, r.err());
        r = run("train", "--model", "dcgan", "--schema", ragged.toString(), "--steps", "1", "--out",
                tmp.resolve("y").toString());
        assertTrue(r.code() == 2 && r.err().contains("--schema declares a table's columns"), r.toString());
        Path nums = tmp.resolve("nums.csv");
        Files.writeString(nums, "a,b,c\n1,2,3\n2,3,4\n3,4,5\n");
        Path cycle = tmp.resolve("cycle.json");
        Files.writeString(cycle, "{\"orderings\": [\"a <= b\", \"b <= c\", \"c <= a\"]}");
        r = run("train", "--model", "ctgan", "--data", nums.toString(), "--schema", cycle.toString(), "--steps", "1",
                "--out", tmp.resolve("c").toString());
        assertTrue(r.code() == 2 && r.err().contains("cycle.json: orderings form a cycle, a <= b <= c <= a")
                && r.err().lines().count() <= 2, r.toString());
        Path run = tmp.resolve("series");
        ok("train", "--model", "timegan", "--data", "sines:40", "--steps", "4", "--batch", "16", "--threads", "1",
                "--set", "timegan.embeddingSteps=1", "--set", "timegan.supervisedSteps=1", "--set", "timegan.seqLen=6",
                "--set", "model.latentDim=12", "--no-progress", "--out", run.toString());
        Path w = tmp.resolve("w.csv");
        ok("sample", "--run", run.toString(), "--count", "3", "--out", w.toString());
        assertEquals(1 + 3 * 6, Files.readAllLines(w).size());
        Path json = tmp.resolve("series.json");
        Result rep = CliTest.runCapturing("series-report", "--run", run.toString(), "--count", "20", "--out",
                tmp.resolve("series.html").toString(), "--json", json.toString());
        assertEquals(0, rep.code(), rep.toString());
        assertTrue(rep.out().contains("discriminative score") && rep.out().contains("step change x4"), rep.out());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertEquals(5, tree.get("stepChanges").size(), "one per feature: " + tree);
        assertEquals("step-000004", tree.get("checkpoint").asText(), "the weights scored: " + tree);
        assertFalse(tree.get("ema").asBoolean(), "the run has no EMA copy: " + tree);
        assertTrue(rep.out().contains("(step-000004, raw weights)"), rep.out());
        assertTrue(tree.get("stepChanges").get(0).get("real").asDouble() > 0, tree.toString());
        assertTrue(tree.get("stepChanges").get(0).get("realBend").asDouble() > 0, tree.toString());
        assertTrue(tree.get("stepChanges").get(0).has("syntheticBend"), tree.toString());
        assertTrue(rep.out().contains("; bend "), rep.out());
        assertTrue(Files.readString(tmp.resolve("series.html")).contains("Step-to-step change"));
        assertEquals(10, tree.get("pairs").size(), "every pair of five features: " + tree);
        assertTrue(rep.out().contains("pair x") && rep.out().contains("r of changes"), rep.out());
        assertTrue(Files.readString(tmp.resolve("series.html")).contains("Pairs of features"));
        r = run("train", "--model", "timegan", "--data", "sines:40", "--steps", "4", "--batch", "16", "--set",
                "timegan.seqLen=7",
                "--out", tmp.resolve("z").toString());
        assertTrue(r.code() == 2 && r.err().contains("must be a multiple of timegan.seqLen"), r.toString());
    }

    @Test
    void timeganKeepsStaticFeaturesAndTheirLabels() throws Exception {
        StringBuilder sb = new StringBuilder("id,t,size,kind,v\n");
        for (int s = 0; s < 6; s++) {
            for (int t = 0; t < 12; t++) {
                sb.append("s").append(s).append(',').append(t).append(',').append(10 + s).append(',')
                        .append(s % 2 == 0 ? "calm" : "wild").append(',').append(Math.sin(t + s)).append('\n');
            }
        }
        Path csv = Files.writeString(tmp.resolve("series.csv"), sb);
        Path run = tmp.resolve("run");
        String[] train = {"train", "--model", "timegan", "--data", csv.toString(), "--steps", "4", "--batch", "8",
            "--threads", "1", "--set", "timegan.embeddingSteps=1", "--set", "timegan.supervisedSteps=1", "--set",
            "timegan.seqLen=6", "--set", "model.latentDim=12", "--set", "timegan.idColumn=id", "--set",
            "timegan.timeColumn=t", "--set", "timegan.staticColumns=size,kind", "--no-progress", "--out",
            run.toString()};
        ok(train);
        Path w = tmp.resolve("w.csv");
        ok("sample", "--run", run.toString(), "--count", "3", "--out", w.toString());
        List<String> rows = Files.readAllLines(w);
        assertEquals("window,step,size,kind,v", rows.get(0));
        for (int i = 0; i < 3; i++) {
            String first = rows.get(1 + i * 6).split(",", 4)[2] + "," + rows.get(1 + i * 6).split(",", 4)[3]
                    .split(",")[0];
            assertTrue(first.matches("[0-9.]+,(calm|wild)"), first);
            for (int t = 1; t < 6; t++) {
                String[] cells = rows.get(1 + i * 6 + t).split(",");
                assertEquals(first, cells[2] + "," + cells[3], "window " + i + " keeps its statics at step " + t);
            }
        }
        Files.writeString(csv, Files.readString(csv).replaceFirst("s0,3,10,", "s0,3,11,"));
        train[train.length - 1] = tmp.resolve("bad").toString();
        Result bad = run(train);
        assertTrue(bad.code() == 2 && bad.err().contains("line 5, column \"size\": static feature changes within "
                + "series \"s0\"") && !bad.err().contains("\tat "), bad.toString());
    }
}
