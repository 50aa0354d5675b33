package org.jgan.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlLogTest {
    @TempDir
    Path tmp;

    private void append(Path f, String s) throws Exception {
        Files.writeString(f, s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A log of {@code f} after {@code text} was written to it, read once. */
    private JsonlLog logOf(Path f, String text) throws Exception {
        append(f, text);
        JsonlLog log = new JsonlLog(f);
        log.refresh();
        return log;
    }

    @Test
    void readsOnlyCompleteLinesAndPicksUpTheRestLater() throws Exception {
        Path f = tmp.resolve("stats.jsonl");
        JsonlLog log = new JsonlLog(f);
        assertFalse(log.refresh(), "a missing file reads as empty");
        append(f, "{\"step\":1}\n{\"step\":2,\"Loss/D\":0.5");
        assertTrue(log.refresh());
        assertEquals(1, log.size(), "the torn last line waits for its newline");
        append(f, "}\n");
        assertTrue(log.refresh());
        assertEquals(2, log.size());
        assertEquals(0.5, log.since(log.generation(), 1).rows().get(0).get("Loss/D").asDouble());
        assertFalse(log.refresh(), "nothing new");
        assertEquals(0, log.skipped());
    }

    @Test
    void skipsAndCountsCorruptLines() throws Exception {
        Path f = tmp.resolve("stats.jsonl");
        JsonlLog log = logOf(f, "{\"step\":1}\n{\"step\":2,\"Loss/D\": oops}\n[1,2]\n\n{\"step\":3}\n");
        assertEquals(2, log.size());
        assertEquals(2, log.skipped(), "a broken line and a non-object line; the blank line is not an error");
        assertEquals(3, log.since(-1, 0).rows().get(1).get("step").asInt());
    }

    @Test
    void sinceGivesOnlyNewRowsUnlessTheGenerationChanged() throws Exception {
        Path f = tmp.resolve("stats.jsonl");
        JsonlLog log = logOf(f, "{\"step\":1}\n{\"step\":2}\n");
        JsonlLog.Slice first = log.since(-1, 0);
        assertTrue(first.reset());
        assertEquals(2, first.next());
        append(f, "{\"step\":3}\n");
        log.refresh();
        JsonlLog.Slice more = log.since(first.generation(), first.next());
        assertFalse(more.reset());
        assertEquals(1, more.rows().size());
        assertEquals(3, more.rows().get(0).get("step").asInt());
        // The run was restarted from scratch: a shorter file. Clients must drop what they had.
        Files.writeString(f, "{\"step\":1}\n");
        assertTrue(log.refresh());
        JsonlLog.Slice after = log.since(more.generation(), more.next());
        assertTrue(after.reset());
        assertNotEquals(more.generation(), after.generation());
        assertEquals(1, after.rows().size());
    }

    @Test
    void aDeletedFileEmptiesTheLog() throws Exception {
        Path f = tmp.resolve("stats.jsonl");
        JsonlLog log = logOf(f, "{\"step\":1}\n");
        Files.delete(f);
        assertTrue(log.refresh());
        assertEquals(0, log.size());
    }
}
