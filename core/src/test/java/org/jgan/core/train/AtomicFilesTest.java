package org.jgan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link AtomicFiles} creates and replaces files and folders whole: a failing writer or filler leaves the
 * previous version intact, and no hidden temporary file or folder is left behind either way.
 */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    void assertNoHiddenLeftovers() throws IOException {
        for (String name : entries(tmp)) {
            assertFalse(name.startsWith("."), "left behind: " + name);
        }
    }

    @Test
    void writeDirCreatesAFolder() throws IOException {
        Path target = tmp.resolve("a/ckpt");
        AtomicFiles.writeDir(target, dir -> {
            Files.writeString(dir.resolve("x.txt"), "one");
            Files.createDirectories(dir.resolve("sub"));
            Files.writeString(dir.resolve("sub/y.txt"), "two");
        });
        assertEquals("one", Files.readString(target.resolve("x.txt")));
        assertEquals("two", Files.readString(target.resolve("sub/y.txt")));
        assertEquals(List.of("ckpt"), entries(tmp.resolve("a")));
    }

    @Test
    void writeDirReplacesAnExistingFolderWhole() throws IOException {
        Path target = tmp.resolve("ckpt");
        AtomicFiles.writeDir(target, dir -> {
            Files.writeString(dir.resolve("old.txt"), "old");
            Files.writeString(dir.resolve("both.txt"), "v1");
        });
        AtomicFiles.writeDir(target, dir -> Files.writeString(dir.resolve("both.txt"), "v2"));
        assertEquals(List.of("both.txt"), entries(target), "old files must not survive a replacement");
        assertEquals("v2", Files.readString(target.resolve("both.txt")));
        assertEquals(List.of("ckpt"), entries(tmp));
    }

    @Test
    void failingFillerLeavesTheOldFolderIntact() throws IOException {
        Path target = tmp.resolve("ckpt");
        AtomicFiles.writeDir(target, dir -> Files.writeString(dir.resolve("state.json"), "{\"step\":1}"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeDir(target, dir -> {
            Files.writeString(dir.resolve("state.json"), "{\"step\":2}");
            Files.writeString(dir.resolve("half.pt"), "...");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(List.of("state.json"), entries(target));
        assertEquals("{\"step\":1}", Files.readString(target.resolve("state.json")));
        assertNoHiddenLeftovers();
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeDir(tmp.resolve("new"), dir -> {
            throw new IllegalStateException("bug in the filler");
        }));
        assertFalse(Files.exists(tmp.resolve("new")));
        assertNoHiddenLeftovers();
    }

    @Test
    void writeReplacesAFileOrLeavesTheOldOne() throws IOException {
        Path f = tmp.resolve("stats.json");
        AtomicFiles.writeString(f, "first");
        AtomicFiles.writeString(f, "second");
        assertEquals("second", Files.readString(f));
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("partial".getBytes());
            throw new IOException("crash");
        }));
        assertEquals("second", Files.readString(f));
        assertEquals(List.of("stats.json"), entries(tmp));
    }

    @Test
    void deleteTreeRemovesNestedFoldersAndIgnoresMissingOnes() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("x/y/z"));
        Files.writeString(d.resolve("f"), "1");
        AtomicFiles.deleteTree(tmp.resolve("x"));
        assertFalse(Files.exists(tmp.resolve("x")));
        AtomicFiles.deleteTree(tmp.resolve("never-existed"));
        assertTrue(entries(tmp).isEmpty());
    }
}
