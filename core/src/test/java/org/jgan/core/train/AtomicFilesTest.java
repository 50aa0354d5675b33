package org.jgan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link AtomicFiles} creates and replaces files and folders whole: a failing writer or filler leaves the
 * previous version intact, and no hidden temporary file or folder is left behind either way; that what it writes is as
 * readable as an ordinary file under the process umask; and that {@link AtomicFiles#cleanStale} removes what a kill
 * left, bringing back a folder whose replacement the kill cut off between its two renames.
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
    void refusalsNameTheFileAskedForNotTheHiddenTemporary() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("grid.png"));
        java.nio.file.FileSystemException e = assertThrows(java.nio.file.FileSystemException.class,
                () -> AtomicFiles.writeString(folder, "x"));
        assertEquals(folder + ": is a folder; give a file name", e.getMessage());
        assertTrue(Files.isDirectory(folder), "the folder is left as it was");
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        // /proc takes no new files: the refusal names /proc/x.png and the folder, never ".x.png.RANDOM.tmp"
        e = assertThrows(java.nio.file.FileSystemException.class,
                () -> AtomicFiles.writeString(Path.of("/proc/x.png"), "x"));
        assertTrue(e.getMessage().startsWith("/proc/x.png: cannot create a file in /proc (")
                && !e.getMessage().contains(".tmp"), e.getMessage());
        e = assertThrows(java.nio.file.FileSystemException.class,
                () -> AtomicFiles.writeDir(Path.of("/proc/run"), d -> { }));
        assertTrue(e.getMessage().startsWith("/proc/run: cannot create a folder in /proc ("), e.getMessage());
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

    @Test
    void writtenFilesAndFoldersGetThePermissionsOfAnOrdinaryCreate() throws IOException {
        Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX modes");
        // What the process umask gives an ordinary create, read from probes made the ordinary way.
        Set<PosixFilePermission> file = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("probe")));
        Set<PosixFilePermission> dir = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("probe-dir")));
        Path f = tmp.resolve("stats.json");
        AtomicFiles.writeString(f, "{}");
        Path d = tmp.resolve("ckpt");
        AtomicFiles.writeDir(d, t -> Files.writeString(t.resolve("state.json"), "{}"));
        assertEquals(file, Files.getPosixFilePermissions(f));
        assertEquals(dir, Files.getPosixFilePermissions(d));
        assertEquals(file, Files.getPosixFilePermissions(d.resolve("state.json")));
        // Under umask 022 (or anything that lets group and others read) a shared run folder must be readable to them;
        // only a umask that itself forbids it skips this.
        Set<PosixFilePermission> shared = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        Assumptions.assumeTrue(file.containsAll(shared), "the process umask keeps files private: " + file);
        assertTrue(Files.getPosixFilePermissions(f).containsAll(shared));
        assertTrue(Files.getPosixFilePermissions(d).containsAll(Set.of(PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_EXECUTE)), Files.getPosixFilePermissions(d).toString());
    }

    @Test
    void cleanStaleRemovesWhatAKillLeftAndBringsBackAFolderCutOffMidReplacement() throws IOException {
        // What kills at different moments leave: a folder being filled, a file being written (in both the old
        // createTempFile form and the current one), and a replaced folder whose new version never got renamed in.
        Path filling = Files.createDirectories(tmp.resolve(".tmp-step-000010-8d1x/sub"));
        Files.writeString(filling.resolve("G.pt"), "half");
        Files.writeString(tmp.resolve(".config.json4471029.tmp"), "{\"con");
        Files.writeString(tmp.resolve(".step-000010.png.k2j9.tmp"), "png?");
        Files.createDirectories(tmp.resolve(".old-best-123456789"));
        Files.writeString(tmp.resolve(".old-best-123456789/state.json"), "{\"step\":4}");
        // a replacement that completed but whose old copy was not yet deleted
        Files.createDirectories(tmp.resolve("step-000003"));
        Files.createDirectories(tmp.resolve(".old-step-000003-42"));
        // not leftovers: ordinary and other hidden entries
        Files.writeString(tmp.resolve("stats.jsonl"), "{}\n");
        Files.writeString(tmp.resolve(".keep"), "");
        List<String> done = AtomicFiles.cleanStale(tmp);
        assertEquals(List.of(".keep", "best", "stats.jsonl", "step-000003"), entries(tmp));
        assertEquals("{\"step\":4}", Files.readString(tmp.resolve("best/state.json")));
        assertEquals(5, done.size(), done.toString());
        assertTrue(done.contains("restored best from .old-best-123456789"), done.toString());
        assertEquals(List.of(), AtomicFiles.cleanStale(tmp));
        assertEquals(List.of(), AtomicFiles.cleanStale(tmp.resolve("no-such-folder")));
    }
}
