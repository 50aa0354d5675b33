package org.jgan.core.config;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a training run depends on besides the code and the data bytes. Saved as config.json in the run folder
 * (with provenance) and read back on resume, so a run is reproducible from its folder alone.
 *
 * <p>Core holds the sections every variant shares; a variant's own settings are a {@link ConfigSection} in
 * {@code sections}, written as a top-level key of their own ({@code "i2i": {...}}) and read through the section's
 * typed accessor.
 *
 * @param seed     root seed; weights, data order, latents and the fixed sample batch derive from it
 * @param sections the variants' sections by name ({@link ConfigSections}); a missing one takes its defaults
 */
@JsonDeserialize(builder = TrainConfigJson.class)
public record TrainConfig(long seed, ModelConfig model, DataConfig data, OptimConfig optim, RegConfig reg,
                          ScheduleConfig schedule, GuardConfig guard,
                          @JsonAnyGetter Map<String, Object> sections) {
    public TrainConfig {
        ConfigException.check(model != null, "config has no model section");
        ConfigException.check(data != null, "config has no data section");
        ConfigException.check(optim != null, "config has no optim section");
        ConfigException.check(reg != null, "config has no reg section");
        ConfigException.check(schedule != null, "config has no schedule section");
        ConfigException.check(guard != null, "config has no guard section");
        sections = ConfigSections.complete(sections);
        boolean logistic = model.loss().equals("non-saturating") || model.loss().equals("minimax");
        ConfigException.check(reg.realLabel() == 1.0 || logistic, "reg.realLabel (label smoothing) only applies to "
                + "the non-saturating and minimax losses, not " + model.loss());
    }

    /** A config with every variant section at its defaults. */
    public TrainConfig(long seed, ModelConfig model, DataConfig data, OptimConfig optim, RegConfig reg,
                       ScheduleConfig schedule, GuardConfig guard) {
        this(seed, model, data, optim, reg, schedule, guard, null);
    }

    /**
     * The DCGAN setup of Radford et al. 2015 on Fashion-MNIST: Adam 2e-4, betas 0.5/0.999, batch 64. A config file
     * without a key takes that key from here, and {@code bench} times this step; the {@code dcgan} preset trains it
     * at batch 16.
     */
    public static TrainConfig dcganFashionMnist() {
        return new TrainConfig(1, new ModelConfig("dcgan", 100, "non-saturating", 64),
                new DataConfig("fashion-mnist", 64, true, 0),
                new OptimConfig(2e-4, 2e-4, 0.5, 0.999, 0, 1), RegConfig.none(),
                new ScheduleConfig(5, 0, 50, 500, 1000, 3, 64), GuardConfig.defaults());
    }

    public TrainConfig withModel(ModelConfig m) {
        return new TrainConfig(seed, m, data, optim, reg, schedule, guard, sections);
    }

    public TrainConfig withData(DataConfig d) {
        return new TrainConfig(seed, model, d, optim, reg, schedule, guard, sections);
    }

    public TrainConfig withOptim(OptimConfig o) {
        return new TrainConfig(seed, model, data, o, reg, schedule, guard, sections);
    }

    public TrainConfig withReg(RegConfig r) {
        return new TrainConfig(seed, model, data, optim, r, schedule, guard, sections);
    }

    public TrainConfig withSchedule(ScheduleConfig s) {
        return new TrainConfig(seed, model, data, optim, reg, s, guard, sections);
    }

    public TrainConfig withGuard(GuardConfig g) {
        return new TrainConfig(seed, model, data, optim, reg, schedule, g, sections);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(s, model, data, optim, reg, schedule, guard, sections);
    }

    /** This config with the variant section {@code name} replaced; prefer {@link ConfigSection#set}. */
    TrainConfig withSection(String name, Object value) {
        Map<String, Object> s = new LinkedHashMap<>(sections);
        s.put(name, value);
        return new TrainConfig(seed, model, data, optim, reg, schedule, guard, s);
    }
}
