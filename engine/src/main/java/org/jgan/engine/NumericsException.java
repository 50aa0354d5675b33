package org.jgan.engine;

/** A computation libtorch would do wrongly on this CPU; jgan refuses it rather than return wrong numbers. */
public final class NumericsException extends RuntimeException {
    public NumericsException(String message) {
        super(message);
    }
}
