package org.jgan.cli;

import org.jgan.core.config.ConfigException;
import org.jgan.engine.Precision;

/**
 * The {@code --precision} option of {@code bench}, {@code bench-stylegan2} and {@code doctor}, in model.precision's
 * names.
 */
final class PrecisionOption {
    private PrecisionOption() {
    }

    /** {@code value} as a precision ("float32" or "bfloat16", any case); a user error naming the option otherwise. */
    static Precision parse(String value) {
        Precision p = Precision.byName(value);
        ConfigException.check(p != null, "--precision must be float32 or bfloat16, got '" + value + "'");
        return p;
    }
}
