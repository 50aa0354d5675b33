package org.jgan.core.config;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Registers {@link ToyConfig} with core's tests, as the models module registers its variants' sections. */
public final class ToyExtension implements ConfigExtension {
    @Override
    public List<ConfigSection<?>> sections() {
        return List.of(ToyConfig.SECTION);
    }

    @Override
    public Map<String, Supplier<TrainConfig>> presets() {
        return Map.of("toy", () -> ToyConfig.SECTION.set(TrainConfig.dcganFashionMnist(), new ToyConfig(7, 0.5)));
    }

    @Override
    public Map<String, String> movedKeys() {
        return Map.of("reg.toyWeight", "toy.weight");
    }
}
