package org.jgan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.config.ConfigException;

/**
 * Checks, before any slow work (loading data or weights), that the paths a command will write can be written, and
 * says otherwise in one line naming the option, the path and why: a file where a folder belongs, a folder where a file
 * belongs, a parent that is a file, a read-only file system, a folder without write permission. Without it, a read-only
 * folder surfaced after 11 s of loading as "I/O error: PATH", or named a hidden temporary file.
 */
final class Outputs {
    private Outputs() {
    }

    /** {@code file} is an output file to create or replace: not a folder, and its folder writable or creatable. */
    static void file(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(option + " " + file + ": is a folder; give a file name");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new ConfigException(option + " " + file + ": cannot be replaced (" + why(file) + ")");
        }
        writableFolder(file.toAbsolutePath().getParent(), option, file);
    }

    /** {@code dir} is an output folder: a folder or nothing yet, under a writable (or creatable) folder. */
    static void folder(Path dir, String option) {
        writableFolder(dir.toAbsolutePath(), option, dir);
    }

    /** {@code run} is a run folder to go on writing: the folder, its stats.jsonl, samples/ and checkpoints/. */
    static void runFolder(Path run, String option) {
        folder(run, option);
        for (String part : new String[] {"stats.jsonl", "samples", "checkpoints"}) {
            Path p = run.resolve(part);
            if (Files.exists(p) && !Files.isWritable(p)) {
                throw new ConfigException(option + " " + run + ": cannot write " + p + " (" + why(p) + ")");
            }
        }
    }

    private static void writableFolder(Path dir, String option, Path given) {
        // The nearest part of the path that exists decides: it must be a folder we may create things in.
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw new ConfigException(option + " " + given + ": " + (p.equals(given.toAbsolutePath()) ? "is a file, "
                    + "not a folder" : p + " is a file, not a folder"));
        }
        if (!Files.isWritable(p)) {
            throw new ConfigException(option + " " + given + ": cannot write in " + p + " (" + why(p) + ")");
        }
    }

    /** Why {@code p} cannot be written: the file system's mount, or else its permissions. */
    private static String why(Path p) {
        try {
            return Files.getFileStore(p).isReadOnly() ? "read-only file system" : "permission denied";
        } catch (IOException e) {
            return "permission denied";
        }
    }
}
