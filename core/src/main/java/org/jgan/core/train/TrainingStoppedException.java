package org.jgan.core.train;

/** Training stopped on purpose: a mode-collapse alarm with guard.onCollapse=stop. The message says what to try. */
public class TrainingStoppedException extends RuntimeException {
    public TrainingStoppedException(String message) {
        super(message);
    }
}
