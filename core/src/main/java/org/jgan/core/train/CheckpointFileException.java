package org.jgan.core.train;

import java.io.IOException;

/**
 * A checkpoint file that cannot be used: missing, truncated or corrupt, or saved from another network. The message
 * names the file and says which; the command line reports it as bad input (exit 2), not as a failure of jgan.
 */
public final class CheckpointFileException extends IOException {
    public CheckpointFileException(String message) {
        super(message);
    }

    public CheckpointFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
