package org.jgan.core.config;

/** A configuration value a user set that cannot work; the message names the key and the allowed values. */
public class ConfigException extends IllegalArgumentException {
    /** An error whose message names the setting and what was wrong with it. */
    public ConfigException(String message) {
        super(message);
    }

    /** Throws a ConfigException with {@code message} unless {@code ok}. */
    public static void check(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }
}
