package org.jgan.core.config;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a module of variants adds to the configuration: its own sections, its presets and the keys it moved out of
 * the shared sections. Found with {@link java.util.ServiceLoader} (the module lists its implementation in
 * {@code META-INF/services/org.jgan.core.config.ConfigExtension}), so that core, which sits below the variants, can
 * read and write their sections without depending on them.
 */
public interface ConfigExtension {
    /** The sections, in the order config.json lists them. */
    List<ConfigSection<?>> sections();

    /** Named starting configs, listed by {@link Presets} after core's own. */
    default Map<String, Supplier<TrainConfig>> presets() {
        return Map.of();
    }

    /**
     * Keys that older config files have in another place, old key to new key, each {@code section.key} (e.g.
     * {@code reg.plWeight} to {@code stylegan2.plWeight}): reading such a file and {@code key=value} overrides move
     * them.
     */
    default Map<String, String> movedKeys() {
        return Map.of();
    }
}
