package org.jgan.core.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder that file reads must not leave: a path is usable only through its real path (every symlink resolved),
 * and only when that lies inside the folder's real path. Readers then open the real path, not the name they were
 * given, so a symlink swapped in after the check cannot redirect the read.
 *
 * <p>This is how the dashboard keeps its promise that symlinks leading out of the runs folder are 404: a run's
 * {@code stats.jsonl}, {@code metrics.jsonl}, {@code config.json}, sample grids and checkpoint names all go through
 * one of these, so a link to a file elsewhere reads as a missing file.
 */
final class Confined {
    private final Path folder;

    Confined(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    Path folder() {
        return folder;
    }

    /** The real path of {@code p} when it exists and lies inside the folder (or is the folder itself). */
    Optional<Path> real(Path p) {
        try {
            Path r = p.toRealPath();
            // Resolved on every call: the runs folder may itself be a symlink, or be moved while the server runs.
            return r.startsWith(folder.toRealPath()) ? Optional.of(r) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // missing, unreadable, or a loop of links: all read as absent
        }
    }

    boolean inside(Path p) {
        return real(p).isPresent();
    }

    /**
     * Whether an entry found by listing a folder that is itself inside may be used: entries that are not symlinks
     * are inside by construction (one cheap lstat); symlinks must resolve inside too.
     */
    boolean entryInside(Path entry) {
        return !Files.isSymbolicLink(entry) || inside(entry);
    }
}
