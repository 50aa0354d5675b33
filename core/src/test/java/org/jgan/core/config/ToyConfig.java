package org.jgan.core.config;

/**
 * A variant's own config section as the tests register it ({@link ToyExtension}): {@code toy.size} shapes the
 * networks (kept on resume), {@code toy.weight} is a regulariser that older files held as {@code reg.toyWeight}.
 */
public record ToyConfig(int size, double weight) {
    public ToyConfig {
        ConfigException.check(size >= 1, "toy.size must be at least 1, got " + size);
        ConfigException.check(weight >= 0, "toy.weight must be 0 or positive, got " + weight);
    }

    static final ConfigSection<ToyConfig> SECTION = new ConfigSection<>("toy", ToyConfig.class,
            () -> new ToyConfig(4, 0), true);
}
