package org.jgan.core.config;

/**
 * Everything a training run depends on besides the code and the data bytes. Saved as config.json in the run folder
 * (with provenance) and read back on resume, so a run is reproducible from its folder alone.
 *
 * @param seed root seed; weights, data order, latents and the fixed sample batch derive from it
 */
public record TrainConfig(long seed, ModelConfig model, DataConfig data, OptimConfig optim, ScheduleConfig schedule) {
    public TrainConfig {
        ConfigException.check(model != null, "config has no model section");
        ConfigException.check(data != null, "config has no data section");
        ConfigException.check(optim != null, "config has no optim section");
        ConfigException.check(schedule != null, "config has no schedule section");
    }

    /** The DCGAN preset of Radford et al. 2015 on Fashion-MNIST: Adam 2e-4, betas 0.5/0.999, batch 64. */
    public static TrainConfig dcganFashionMnist() {
        return new TrainConfig(1, new ModelConfig("dcgan", 100, "non-saturating", 64),
                new DataConfig("fashion-mnist", 64, true, 0),
                new OptimConfig(2e-4, 2e-4, 0.5, 0.999, 0, 1),
                new ScheduleConfig(5, 0, 50, 500, 1000, 3, 64));
    }

    public TrainConfig withModel(ModelConfig m) {
        return new TrainConfig(seed, m, data, optim, schedule);
    }

    public TrainConfig withData(DataConfig d) {
        return new TrainConfig(seed, model, d, optim, schedule);
    }

    public TrainConfig withSchedule(ScheduleConfig s) {
        return new TrainConfig(seed, model, data, optim, s);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(s, model, data, optim, schedule);
    }
}
