package org.jgan.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Named starting configs; {@code jgan train --preset NAME --dry-run} prints one, and every value can then be changed
 * with --set or a JSON file. Core's presets use the shared sections only; variants with sections of their own add
 * theirs through a {@link ConfigExtension}.
 */
public final class Presets {
    private static final Map<String, Supplier<TrainConfig>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("dcgan", Presets::dcgan);
        ALL.put("dcgan-ema", Presets::dcganEma);
        ALL.putAll(ConfigSections.presets());  // the variants' own (pix2pix, stylegan2, ...): see ConfigExtension
    }

    /**
     * Presets that no longer earn their place, with the settings that rebuild each from {@code dcgan}. At equal
     * training time on Fashion-MNIST both scored far worse than {@code dcgan-ema} for every seed measured (FID about
     * 45 against 22 after 10 minutes on one core), as they did at equal epochs; their losses, gradient penalty and
     * spectral norm stay available as settings.
     */
    private static final Map<String, List<String>> RETIRED = Map.of(
            // WGAN-GP (Gulrajani et al. 2017): critic without batch norm, lambda 10, 5 critic steps, Adam 1e-4 (0, 0.9)
            // (batch 64: the dcgan preset's until 2026-12-05, which both were measured and retired at)
            "wgan-gp", List.of("data.batch=64", "model.loss=wasserstein", "model.dNorm=none", "optim.lrG=1e-4",
                    "optim.lrD=1e-4", "optim.beta1=0", "optim.beta2=0.9", "optim.dSteps=5", "reg.gpWeight=10"),
            // SNGAN (Miyato et al. 2018): spectral norm in D instead of batch norm, hinge loss, TTUR 1e-4 / 4e-4
            "sngan", List.of("data.batch=64", "model.loss=hinge", "model.dNorm=none", "optim.lrG=1e-4",
                    "optim.lrD=4e-4", "reg.spectralNorm=true"));

    private Presets() {
    }

    /** The settings that rebuild the retired preset {@code name} from {@code dcgan}, or null if it is not retired. */
    public static List<String> retiredSettings(String name) {
        return RETIRED.get(name);
    }

    public static TrainConfig byName(String name) {
        Supplier<TrainConfig> s = ALL.get(name);
        if (s == null && RETIRED.containsKey(name)) {
            throw new ConfigException("preset '" + name + "' was retired: at equal training time it trained far worse "
                    + "than dcgan-ema on Fashion-MNIST (docs/results.md, \"WGAN-GP and SNGAN at equal wall-clock\"); "
                    + "its settings still work: start from dcgan and set " + String.join(" ", RETIRED.get(name)));
        }
        if (s == null) {
            throw new ConfigException("unknown preset '" + name + "'; choose one of " + String.join(", ", ALL.keySet()));
        }
        return s.get();
    }

    public static java.util.Set<String> names() {
        return ALL.keySet();
    }

    /**
     * DCGAN (Radford et al. 2015) as {@link TrainConfig#dcganFashionMnist()} sets it up, but with batches of 16 instead
     * of the paper's 128 (64 in the base config, which {@code bench} times): a network this size learns per step more
     * than per image, so smaller batches give more updates an epoch for a little more time per epoch. On Fashion-MNIST
     * at 2 epochs (seeds 1-3, EMA generator, 10,000 samples in the built-in classifier's space) batch 64 gave FID
     * 19.5-20.2, 32 gave 15.7-16.2 and 16 gives 12.9-13.3, recall 0.26-0.27, 0.37-0.39 and 0.46-0.47, at precision
     * 0.47-0.50 throughout; given equal time 16 also led 32 on each of three seeds (docs/results.md, "DCGAN at batch
     * 16").
     */
    static TrainConfig dcgan() {
        TrainConfig c = TrainConfig.dcganFashionMnist();
        DataConfig d = c.data();
        return c.withData(new DataConfig(d.source(), 16, d.dropLast(), d.limit(), d.perClass(), d.mirror()));
    }

    /** The {@code dcgan} preset with an EMA generator (Karras et al. 2018), decay 0.999. */
    static TrainConfig dcganEma() {
        TrainConfig c = dcgan();
        OptimConfig o = c.optim();
        return c.withOptim(new OptimConfig(o.lrG(), o.lrD(), o.beta1(), o.beta2(), 0.999, o.dSteps()));
    }

    public static Map<String, Supplier<TrainConfig>> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }
}
