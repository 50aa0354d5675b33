package org.jgan.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link StatsWriter} appends whole lines and that a stats file it cannot open says why: a resume into a
 * read-only run folder said "cannot open stats.jsonl for appending" and nothing more. (A read-only folder cannot be
 * made as root, which runs the tests here; a parent that is a file refuses everyone.)
 */
class StatsWriterTest {
    @TempDir
    Path tmp;

    @Test
    void appendsOneLinePerRecord() throws Exception {
        Path f = tmp.resolve("run/stats.jsonl");
        try (StatsWriter w = new StatsWriter(f)) {
            w.write(Map.of("step", 1));
        }
        try (StatsWriter w = new StatsWriter(f)) {
            w.write(Map.of("loss", Double.NaN));
        }
        assertEquals(java.util.List.of("{\"step\":1}", "{\"loss\":\"NaN\"}"), Files.readAllLines(f));
    }

    @Test
    void aFileThatCannotBeOpenedSaysWhy() throws Exception {
        Path file = Files.writeString(tmp.resolve("run"), "a file where the run folder belongs");
        Path stats = file.resolve("stats.jsonl");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new StatsWriter(stats));
        assertEquals("cannot open " + stats + " for appending (" + file.toAbsolutePath() + " already exists)",
                e.getMessage());
    }
}
