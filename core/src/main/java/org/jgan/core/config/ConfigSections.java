package org.jgan.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The variants' config sections, presets and moved keys, as the {@link ConfigExtension}s on the class path declare
 * them; read once.
 */
public final class ConfigSections {
    private static final Map<String, ConfigSection<?>> SECTIONS = new LinkedHashMap<>();
    private static final Map<String, Supplier<TrainConfig>> PRESETS = new LinkedHashMap<>();
    private static final Map<String, String> MOVED = new LinkedHashMap<>();

    static {
        for (ConfigExtension e : ServiceLoader.load(ConfigExtension.class, ConfigSections.class.getClassLoader())) {
            for (ConfigSection<?> s : e.sections()) {
                if (SECTIONS.putIfAbsent(s.name(), s) != null) {
                    throw new IllegalStateException("two config sections are named " + s.name());
                }
            }
            PRESETS.putAll(e.presets());
            e.movedKeys().forEach((from, to) -> {
                if (from.split("\\.").length != 2 || to.split("\\.").length != 2) {
                    throw new IllegalStateException("a moved config key is section.key: " + from + " -> " + to);
                }
                MOVED.put(from, to);
            });
        }
    }

    private ConfigSections() {
    }

    /** Every registered section, in order. */
    public static List<ConfigSection<?>> all() {
        return List.copyOf(SECTIONS.values());
    }

    /** The section called {@code name}, or null. */
    public static ConfigSection<?> byName(String name) {
        return SECTIONS.get(name);
    }

    /** The variants' presets, by name. */
    static Map<String, Supplier<TrainConfig>> presets() {
        return Collections.unmodifiableMap(PRESETS);
    }

    /** Old key to new key (see {@link ConfigExtension#movedKeys()}). */
    public static Map<String, String> movedKeys() {
        return Collections.unmodifiableMap(MOVED);
    }

    /**
     * {@code given} completed to every registered section, in registry order: a missing section takes its defaults;
     * an unknown name or a value of the wrong type is an error.
     */
    static Map<String, Object> complete(Map<String, ?> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>(given == null ? List.of() : given.keySet());
        for (ConfigSection<?> s : SECTIONS.values()) {
            Object v = given == null ? null : given.get(s.name());
            unknown.remove(s.name());
            ConfigException.check(v == null || s.type().isInstance(v), "config section " + s.name() + " must be a "
                    + s.type().getSimpleName() + ", got " + (v == null ? null : v.getClass().getSimpleName()));
            out.put(s.name(), v != null ? v : s.defaults().get());
        }
        ConfigException.check(unknown.isEmpty(), "unknown config section(s) " + unknown + "; known: "
                + String.join(", ", SECTIONS.keySet()));
        return Collections.unmodifiableMap(out);
    }
}
