package org.jgan.engine;

/** A computation libtorch would do wrongly on this CPU; jgan refuses it rather than return wrong numbers. */
public final class NumericsException extends RuntimeException {
    private final transient ConvSpec spec;

    public NumericsException(String message, ConvSpec spec) {
        super(message);
        this.spec = spec;
    }

    /** The convolution configuration that failed, or null. */
    public ConvSpec spec() {
        return spec;
    }
}
