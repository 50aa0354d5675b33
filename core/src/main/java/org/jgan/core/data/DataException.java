package org.jgan.core.data;

/**
 * A data input that cannot be used: a missing file, a corrupt header, images of the wrong size. The message names the
 * input and says what is wrong, so the CLI can print it as one line without a stack trace.
 */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
