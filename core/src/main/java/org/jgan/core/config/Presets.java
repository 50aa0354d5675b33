package org.jgan.core.config;

import java.util.LinkedHashMap;
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
        ALL.put("dcgan", TrainConfig::dcganFashionMnist);
        ALL.put("dcgan-ema", Presets::dcganEma);
        ALL.put("wgan-gp", Presets::wganGp);
        ALL.put("sngan", Presets::sngan);
        ALL.putAll(ConfigSections.presets());  // the variants' own (pix2pix, stylegan2, ...): see ConfigExtension
    }

    private Presets() {
    }

    public static TrainConfig byName(String name) {
        Supplier<TrainConfig> s = ALL.get(name);
        if (s == null) {
            throw new ConfigException("unknown preset '" + name + "'; choose one of " + String.join(", ", ALL.keySet()));
        }
        return s.get();
    }

    public static java.util.Set<String> names() {
        return ALL.keySet();
    }

    /** DCGAN with an EMA generator (Karras et al. 2018), decay 0.999. */
    static TrainConfig dcganEma() {
        TrainConfig c = TrainConfig.dcganFashionMnist();
        OptimConfig o = c.optim();
        return c.withOptim(new OptimConfig(o.lrG(), o.lrD(), o.beta1(), o.beta2(), 0.999, o.dSteps()));
    }

    /**
     * WGAN-GP (Gulrajani et al. 2017): Wasserstein loss, a critic without batch norm, lambda 10, 5 critic steps per
     * generator step, Adam 1e-4 with betas 0/0.9.
     */
    static TrainConfig wganGp() {
        TrainConfig c = TrainConfig.dcganFashionMnist();
        ModelConfig m = c.model();
        return c.withModel(new ModelConfig("dcgan", m.latentDim(), "wasserstein", m.width(), "none", m.condition()))
                .withOptim(new OptimConfig(1e-4, 1e-4, 0.0, 0.9, 0, 5))
                .withReg(new RegConfig(10, 0, 1, false, 1.0, ""));
    }

    /** SNGAN (Miyato et al. 2018): spectral norm in D (no batch norm there), hinge loss, TTUR rates 1e-4/4e-4. */
    static TrainConfig sngan() {
        TrainConfig c = TrainConfig.dcganFashionMnist();
        ModelConfig m = c.model();
        return c.withModel(new ModelConfig("dcgan", m.latentDim(), "hinge", m.width(), "none", m.condition()))
                .withOptim(new OptimConfig(1e-4, 4e-4, 0.5, 0.999, 0, 1))
                .withReg(new RegConfig(0, 0, 1, true, 1.0, ""));
    }

    public static Map<String, Supplier<TrainConfig>> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }
}
