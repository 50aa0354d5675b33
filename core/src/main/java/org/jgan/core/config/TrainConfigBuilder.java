package org.jgan.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a {@link TrainConfig} from a preset with named setters, so Java code never writes a positional record.
 * Every setter is an override of one config key ({@code optim.lrG}, {@code data.batch}, ...), applied and validated
 * by {@link #build()} exactly as a JSON config would be: an invalid value fails there with the key's name.
 *
 * <pre>{@code
 * TrainConfig cfg = TrainConfigBuilder.forModel("dcgan").epochs(1).batch(64).seed(7).build();
 * }</pre>
 */
public final class TrainConfigBuilder {
    private final TrainConfig base;
    private final List<String> overrides = new ArrayList<>();

    private TrainConfigBuilder(TrainConfig base) {
        this.base = base;
    }

    /** Starts from the preset {@code name} (see {@link Presets#names()}). */
    public static TrainConfigBuilder preset(String name) {
        return new TrainConfigBuilder(Presets.byName(name));
    }

    /**
     * Starts from the preset {@code name} when there is one (dcgan-ema, cgan, stylegan2, pix2pix, ...), else
     * from the DCGAN preset with the model name replaced (vanilla). Whether the model exists is checked when training starts.
     */
    public static TrainConfigBuilder forModel(String name) {
        ConfigException.check(name != null && !name.isBlank(), "model name is empty; give a model such as dcgan");
        if (Presets.names().contains(name) || Presets.retiredSettings(name) != null) {
            return preset(name);  // a preset names its own model (dcgan-ema trains dcgan's); a retired one says so
        }
        TrainConfig start = Presets.byName("dcgan");
        return new TrainConfigBuilder(start.withModel(start.model().withName(name)));
    }

    /** Starts from an existing config (e.g. a run's). */
    public static TrainConfigBuilder from(TrainConfig config) {
        ConfigException.check(config != null, "config is null");
        return new TrainConfigBuilder(config);
    }

    /**
     * Sets any config key by its dotted path, e.g. {@code set("reg.r1Gamma", 10)}; an unknown key fails in
     * {@link #build()} with the list of known keys.
     */
    public TrainConfigBuilder set(String key, Object value) {
        ConfigException.check(key != null && !key.isBlank(), "config key is empty");
        ConfigException.check(value != null, key + ": value is null");
        String v = value instanceof Double || value instanceof Float
                ? String.format(Locale.ROOT, "%s", value) : value.toString();
        overrides.add(key.trim() + "=" + v);
        return this;
    }

    /** Trains until this many epochs are done (replaces any step count). */
    public TrainConfigBuilder epochs(int epochs) {
        return set("schedule.epochs", epochs).set("schedule.steps", 0);
    }

    /** Trains until this global step (replaces any epoch count). */
    public TrainConfigBuilder steps(long steps) {
        return set("schedule.steps", steps).set("schedule.epochs", 0);
    }

    /** Root seed of weights, data order and latents. */
    public TrainConfigBuilder seed(long seed) {
        return set("seed", seed);
    }

    /** Training data: fashion-mnist, fashion-mnist:test, a folder of images or IDX files, an IDX file. */
    public TrainConfigBuilder data(String source) {
        return set("data.source", source);
    }

    /** Images per batch. */
    public TrainConfigBuilder batch(int batch) {
        return set("data.batch", batch);
    }

    /** Uses only the first {@code images} images of the data (0: all). */
    public TrainConfigBuilder limit(int images) {
        return set("data.limit", images);
    }

    /** Adversarial loss: non-saturating, minimax, hinge, wasserstein, least-squares. */
    public TrainConfigBuilder loss(String loss) {
        return set("model.loss", loss);
    }

    /** Channel multiplier of the networks. */
    public TrainConfigBuilder width(int width) {
        return set("model.width", width);
    }

    /** Length of the latent vector z. */
    public TrainConfigBuilder latentDim(int dim) {
        return set("model.latentDim", dim);
    }

    /**
     * What the networks' convolutions compute in: "float32", or "bfloat16" (mixed precision, Micikevicius et al. 2018,
     * for CPUs with bfloat16 instructions; {@link org.jgan.engine.Precision}).
     */
    public TrainConfigBuilder precision(String precision) {
        return set("model.precision", precision);
    }

    /** Adam learning rates of the generator and the discriminator (two time-scale rule: Heusel et al. 2017). */
    public TrainConfigBuilder learningRates(double generator, double discriminator) {
        return set("optim.lrG", generator).set("optim.lrD", discriminator);
    }

    /** EMA decay of the generator's weights (Karras et al. 2018); 0 turns the EMA copy off. */
    public TrainConfigBuilder ema(double beta) {
        return set("optim.emaBeta", beta);
    }

    /** Steps between sample grids and between checkpoints. */
    public TrainConfigBuilder sampleAndCheckpointEvery(int sampleEvery, int checkpointEvery) {
        return set("schedule.sampleEvery", sampleEvery).set("schedule.checkpointEvery", checkpointEvery);
    }

    /** The config: the preset with every override applied, validated. */
    public TrainConfig build() {
        return ConfigJson.withOverrides(base, overrides, TrainConfig.class);
    }
}
