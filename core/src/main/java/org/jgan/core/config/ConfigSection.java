package org.jgan.core.config;

import java.util.List;
import java.util.function.Supplier;

/**
 * A config section that a variant owns (image-to-image's {@code i2i}, StyleGAN2's {@code stylegan2}): a record of
 * its settings, stored in {@link TrainConfig#sections()} and written to config.json as a top-level key beside the
 * shared sections. The variant declares it through a {@link ConfigExtension}, so core needs no field per variant.
 *
 * @param name         the key in config.json and the prefix of the keys ({@code i2i.lambdaL1})
 * @param type         the section's record; its compact constructor validates it, naming keys as
 *                     {@code name.key}
 * @param defaults     the settings a config has when it does not give the section
 * @param keptOnResume whether a resume must keep the section as the run has it (it shapes the networks or the
 *                     data), or may change it like the regularisers
 * @param keptKeys     keys of a section that may otherwise change on resume that still must not (they shape the
 *                     networks), e.g. StyleGAN2's {@code mappingLayers} beside its regularisers
 * @param <T>          the section's record type
 */
public record ConfigSection<T>(String name, Class<T> type, Supplier<T> defaults, boolean keptOnResume,
                               List<String> keptKeys) {
    public ConfigSection {
        if (name == null || !name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("config section name must be a lower-case identifier, got " + name);
        }
        keptKeys = List.copyOf(keptKeys);
    }

    /** A section kept whole on resume, or free to change as a whole. */
    public ConfigSection(String name, Class<T> type, Supplier<T> defaults, boolean keptOnResume) {
        this(name, type, defaults, keptOnResume, List.of());
    }

    /** The section's settings in {@code config} (its defaults when the config was made without them). */
    public T of(TrainConfig config) {
        return type.cast(config.sections().get(name));
    }

    /** {@code config} with this section set to {@code value}. */
    public TrainConfig set(TrainConfig config, T value) {
        return config.withSection(name, value);
    }
}
