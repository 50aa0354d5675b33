package org.jgan.core.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jgan.core.io.IoErrors;

/**
 * Writes files and folders so that a reader (or a crash) sees either the old version or the whole new one, never a
 * half-written file: content goes to a hidden temporary sibling, is flushed to disk, then renamed into place.
 * Temporaries are created like any other file (0666 or 0777 less the process umask), so the renamed result is as
 * readable as an ordinary file; a crash can leave them behind, and {@link #cleanStale} removes them.
 */
public final class AtomicFiles {
    /** Hidden temporary files of {@link #write}: ".NAME" + random + ".tmp" (also Files.createTempFile's form). */
    private static final Pattern TMP_FILE = Pattern.compile("\\..+\\.tmp");
    /** Hidden folders of {@link #writeDir}: one being filled, and one being replaced. */
    private static final Pattern TMP_DIR = Pattern.compile("\\.tmp-.+");
    private static final Pattern OLD_DIR = Pattern.compile("\\.old-(.+)-\\d+");

    private AtomicFiles() {
    }

    /** Something that writes to a stream or fills a folder and may fail with an I/O error. */
    @FunctionalInterface
    public interface IoAction<T> {
        void accept(T target) throws IOException;
    }

    public static void write(Path file, IoAction<OutputStream> writer) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder; give a file name");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = createNamingTarget(dir, "." + file.getFileName() + ".", ".tmp", false, file);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.accept(out);
            }
            fsync(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Creates folder {@code target} by filling a hidden temporary folder beside it and renaming it. If
     * {@code target} exists it is replaced only after the new one is complete.
     */
    public static void writeDir(Path target, IoAction<Path> filler) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = createNamingTarget(parent, ".tmp-" + target.getFileName() + "-", "", true, target);
        try {
            filler.accept(tmp);
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    fsync(f);
                }
            }
            if (Files.exists(target)) {
                Path old = parent.resolve(".old-" + target.getFileName() + "-" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    /**
     * {@link #create}, with a refusal reported against {@code target} (what the caller asked for) rather than the
     * hidden temporary name, which the user never gave.
     */
    private static Path createNamingTarget(Path dir, String prefix, String suffix, boolean folder, Path target)
            throws IOException {
        try {
            return create(dir, prefix, suffix, folder);
        } catch (IOException e) {
            throw new FileSystemException(target.toString(), null, "cannot create " + (folder ? "a folder" : "a file")
                    + " in " + dir + " (" + IoErrors.reason(e) + ")");
        }
    }

    /**
     * A new empty file or folder {@code prefix + random + suffix} in {@code dir}, created without explicit permissions:
     * Files.createTempFile and createTempDirectory would make it 0600 / 0700, and the rename would keep that.
     */
    private static Path create(Path dir, String prefix, String suffix, boolean folder) throws IOException {
        while (true) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + suffix);
            try {
                return folder ? Files.createDirectory(p) : Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                // another writer drew the same name: draw again
            }
        }
    }

    /**
     * Removes what an interrupted {@link #write} or {@link #writeDir} left in {@code dir} (not below it): hidden
     * temporary files and folders. A folder that was being replaced (".old-NAME-...") is moved back to NAME when the
     * crash came between the two renames, so the old version survives as promised. Only call this while no write into
     * {@code dir} is under way. Returns what it did, one line per entry ("removed NAME", "restored NAME from OLD"), for
     * the caller to report.
     */
    public static List<String> cleanStale(Path dir) throws IOException {
        List<String> done = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return done;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            Matcher old = OLD_DIR.matcher(n);
            boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            if (folder && old.matches() && !Files.exists(dir.resolve(old.group(1)))) {
                Files.move(p, dir.resolve(old.group(1)), StandardCopyOption.ATOMIC_MOVE);
                done.add("restored " + old.group(1) + " from " + n);
            } else if (folder ? TMP_DIR.matcher(n).matches() || old.matches()
                    : TMP_FILE.matcher(n).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(p);
                done.add("removed " + n);
            }
        }
        return done;
    }

    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void fsync(Path f) throws IOException {
        if (Files.isRegularFile(f)) {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
    }
}
