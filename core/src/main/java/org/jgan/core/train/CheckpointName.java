package org.jgan.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jgan.core.config.ConfigException;

/**
 * Keeps a checkpoint asked for by name inside its run: "step-000060", "60", "latest", "best" and other plain folder
 * names are fine; a path ("../../other/checkpoints/step-000060", "/tmp/x"), a hidden name (a ".tmp-step-*" folder a
 * crash left) or a folder that is a link out of the run is an error, so sampling or evaluating never reads weights
 * from elsewhere under the run's name.
 */
public final class CheckpointName {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private CheckpointName() {
    }

    /** Throws a {@link ConfigException} unless {@code name} is a plain folder name. */
    public static void requirePlain(String name, Path runDir) {
        if (!PLAIN.matcher(name).matches()) {
            throw new ConfigException(runDir + ": checkpoint name '" + name + "' is not a folder of its checkpoints/ "
                    + "(give step-NNNNNN, a step number, latest or best)");
        }
    }

    /** Throws a {@link ConfigException} when the checkpoint folder {@code dir} really lies outside {@code runDir}. */
    public static void requireInside(Path dir, Path runDir) throws IOException {
        if (Files.exists(dir) && !dir.toRealPath().startsWith(runDir.toRealPath())) {
            throw new ConfigException(runDir + ": checkpoint " + dir.getFileName() + " links to "
                    + dir.toRealPath() + ", outside the run");
        }
    }
}
