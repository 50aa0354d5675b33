package org.jgan.core.config;

/** A configuration value a user set that cannot work; the message names the key and the allowed values. */
public class ConfigException extends IllegalArgumentException {
    public ConfigException(String message) {
        super(message);
    }

    /** A refusal that restates {@code cause}'s in other words, e.g. naming where the value came from. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }
}
