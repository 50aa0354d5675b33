package org.jgan.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.pytorch.OutputArchive;

/** Writing libtorch archives whole or not at all, and telling them apart. */
public final class ArchiveFiles {
    private ArchiveFiles() {
    }

    /**
     * Saves {@code archive} to {@code file}: libtorch writes to a path, so the atomic write is done by hand, a hidden
     * sibling first, then a rename over the target; a failure leaves the old file (or none) and no temporary.
     */
    public static void save(OutputArchive archive, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + file.getFileName() + ".tmp-" + System.nanoTime());
        try {
            archive.save_to(tmp.toString());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * True when {@code file} is a libtorch archive holding an entry {@code key} (a file kind's marker); false for
     * anything else, a TorchScript module or a damaged file included.
     */
    public static boolean holds(Path file, String key) {
        try (StepScope scope = StepScope.open()) {
            org.bytedeco.pytorch.InputArchive a = new org.bytedeco.pytorch.InputArchive();
            a.load_from(file.toString());
            return a.try_read(key, new org.bytedeco.pytorch.Tensor());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
