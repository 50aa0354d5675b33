package org.jgan.cli;

import java.io.IOException;
import org.jgan.core.config.ConfigException;

/**
 * Puts the command-line flag in front of a library refusal: the library names the value and what is wrong with it in
 * its own words, and only the command line knows which flag the value came from.
 */
final class Flags {
    private Flags() {
    }

    /** A library call that takes one flag's value. */
    interface Call<T> {
        T get() throws IOException;
    }

    /** {@code call}'s result; a ConfigException it throws comes back as "FLAG: its message". */
    static <T> T named(String flag, Call<T> call) throws IOException {
        try {
            return call.get();
        } catch (ConfigException e) {
            throw new ConfigException(flag + ": " + e.getMessage(), e);
        }
    }
}
