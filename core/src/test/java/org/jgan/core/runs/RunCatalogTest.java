package org.jgan.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCatalogTest {
    @TempDir
    Path tmp;

    @Test
    void listsRunsAndFindsOnlyTheirNames() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Files.writeString(Files.createDirectories(runs.resolve("b")).resolve("stats.jsonl"), "{\"step\":1}\n");
        Files.writeString(Files.createDirectories(runs.resolve("a")).resolve("config.json"), "{}");
        Files.createDirectories(runs.resolve("not-a-run"));
        RunCatalog catalog = new RunCatalog(runs);
        assertEquals(List.of("a", "b"), catalog.list().stream().map(RunFolder::name).toList());
        assertTrue(catalog.find("b").isPresent());
        for (String bad : new String[] {"..", ".", "not-a-run", "a/../b", "", "missing"}) {
            assertFalse(catalog.find(bad).isPresent(), bad);
        }
    }

    @Test
    void filesLinkedOutOfTheRunsFolderReadAsMissing() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("stats.jsonl"), "{\"step\":7}\n");
        Files.write(outside.resolve("grid.png"), new byte[] {1});
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Path a = Files.createDirectories(runs.resolve("a").resolve("samples"));
        Files.writeString(runs.resolve("a").resolve("config.json"), "{\"config\":{}}");
        Files.createSymbolicLink(runs.resolve("a").resolve("stats.jsonl"), outside.resolve("stats.jsonl"));
        Files.createSymbolicLink(a.resolve("step-000007.png"), outside.resolve("grid.png"));
        Files.createSymbolicLink(runs.resolve("linked"), outside);
        RunCatalog catalog = new RunCatalog(runs);
        assertEquals(List.of("a"), catalog.list().stream().map(RunFolder::name).toList(), "a run folder linked in");
        RunFolder run = catalog.find("a").orElseThrow();
        assertEquals(-1, run.summary().lastStep());
        assertEquals(List.of(), run.sampleSteps());
        assertFalse(run.sample(7).isPresent());
        // The same run opened on its own is bound to its own folder, so the links lead out of it too.
        assertEquals(List.of(), RunFolder.of(runs.resolve("a")).stats());
    }
}
