package org.jgan.cli;

import static org.jgan.cli.CliTest.ok;
import static org.jgan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.jgan.cli.CliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgan table-report} on small generated CSVs: the page, the JSON, the summary and one-line errors. */
class TableReportCommandTest {
    @TempDir
    Path tmp;

    /** {@code n} rows of age (integer), income (continuous, tied to age), city and a yes/no label tied to income. */
    static Path table(Path file, int n, long seed) throws IOException {
        Random rng = new Random(seed);
        StringBuilder s = new StringBuilder("age,income,city,rich\n");
        String[] cities = {"Oslo", "Lima", "Pune"};
        for (int r = 0; r < n; r++) {
            int age = 20 + rng.nextInt(50);
            double income = 1000 * age + 5000 * rng.nextGaussian();
            String city = rng.nextInt(10) == 0 ? "" : cities[rng.nextInt(3)];
            s.append(age).append(',').append(String.format(java.util.Locale.ROOT, "%.2f", income)).append(',')
                    .append(city).append(',').append(income > 45000 ? "yes" : "no").append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, s.toString());
        return file;
    }

    @Test
    void writesThePageTheJsonAndASummary() throws IOException {
        Path realFile = table(tmp.resolve("real.csv"), 240, 1);
        Path holdout = table(tmp.resolve("holdout.csv"), 80, 2);
        Path out = tmp.resolve("out/report.html");
        Path json = tmp.resolve("out/report.json");
        // The training rows themselves as "synthetic": perfect quality, and the memorisation warning.
        Result r = ok("table-report", "--real", realFile.toString(), "--holdout", holdout.toString(), "--synthetic",
                realFile.toString(), "--target", "rich", "--seed", "3", "--out", out.toString(), "--json",
                json.toString());
        assertTrue(r.out().contains("quality (overall)"), r.toString());
        assertTrue(r.out().contains("possible memorisation"), r.toString());
        String html = Files.readString(out);
        assertTrue(html.contains("independent-marginals baseline") && html.contains("data:image/png;base64,"));
        assertTrue(html.contains("class=\"heat\"") && html.contains("class=\"warning\""));
        assertTrue(html.contains("macroF1"));
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertEquals(1.0, n.path("synthetic").path("fidelity").path("overall").asDouble(), 1e-12);
        assertTrue(n.path("baseline").path("fidelity").path("overall").asDouble() < 1.0);
        assertTrue(n.path("synthetic").path("privacy").path("memorisation").asBoolean());
        try (var files = Files.list(out.getParent())) {
            assertEquals(2, files.count(), "no temporaries left behind");
        }
    }

    @Test
    void readsARunFolderAndReportsNewCategories() throws IOException {
        Path runDir = tmp.resolve("runs/ctgan");
        table(runDir.resolve("table/train.csv"), 200, 1);
        table(runDir.resolve("table/holdout.csv"), 60, 2);
        Path syn = table(tmp.resolve("syn.csv"), 200, 5);
        Files.writeString(syn, Files.readString(syn) + "30,31000.5,Atlantis,no\n");
        Result r = ok("table-report", "--run", runDir.toString(), "--synthetic", syn.toString(),
                "--out", tmp.resolve("r.html").toString());
        assertTrue(r.out().contains("\"Atlantis\""), r.toString());
        assertTrue(r.out().contains("and 60 held-out rows"), r.toString());
    }

    @Test
    void badInputsAreOneLineWithExitTwo() throws IOException {
        Path realFile = table(tmp.resolve("real.csv"), 60, 1);
        Path out = tmp.resolve("r.html");
        Result r = run("table-report", "--real", realFile.toString(), "--synthetic", realFile.toString(),
                "--target", "salary", "--out", out.toString());
        BadInputTest.assertOneLine(r, "\"salary\"", "age, income, city, rich");
        assertFalse(Files.exists(out));
        Path other = tmp.resolve("other.csv");
        Files.writeString(other, "age,wage,city,rich\n30,1.5,Oslo,yes\n");
        r = run("table-report", "--real", realFile.toString(), "--synthetic", other.toString(), "--out",
                out.toString());
        BadInputTest.assertOneLine(r, "missing \"income\"", "extra \"wage\"");
        r = run("table-report", "--real", tmp.resolve("nope.csv").toString(), "--synthetic", realFile.toString(),
                "--out", out.toString());
        BadInputTest.assertOneLine(r, "nope.csv");
        Path ragged = tmp.resolve("ragged.csv");
        Files.writeString(ragged, "age,income,city,rich\n30,1.5,Oslo\n");
        r = run("table-report", "--real", realFile.toString(), "--synthetic", ragged.toString(), "--out",
                out.toString());
        BadInputTest.assertOneLine(r, "ragged.csv");
        r = run("table-report", "--synthetic", realFile.toString(), "--out", out.toString());
        BadInputTest.assertOneLine(r, "--real");
    }
}
