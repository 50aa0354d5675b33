package org.jgan.core.config;

/** A configuration value a user set that cannot work; the message names the key and the allowed values. */
public class ConfigException extends IllegalArgumentException {
    /** An error whose message names the setting and what was wrong with it. */
    public ConfigException(String message) {
        super(message);
    }

    /** A refusal that restates {@code cause}'s in other words, e.g. naming where the value came from. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Throws a ConfigException with {@code message} unless {@code ok}. */
    public static void check(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }
}
