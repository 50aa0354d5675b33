package org.jgan.core.train;

import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.jgan.core.config.TrainConfig;
import org.jgan.engine.Optimizers;

/**
 * Sets the optimizers' learning rates and betas: the configured ones times a scale (rollbacks, schedules); with lazy
 * R1 every k steps, D's rate and betas are rescaled by c = k / (k + 1) as in Karras et al. 2020 (Appendix B), and
 * another group's likewise when the variant gives it a lazy phase of its own (StyleGAN2's path length for G).
 */
final class LearningRates {
    private final Map<String, Adam> optimizers;
    private final TrainConfig config;
    private final List<Phase> phases;
    private final GanVariant variant;
    private double factor = 1.0;

    LearningRates(Map<String, Adam> optimizers, TrainConfig config, List<Phase> phases, GanVariant variant) {
        this.optimizers = optimizers;
        this.config = config;
        this.phases = phases;
        this.variant = variant;
    }

    /** Sets the rates for a rollback scale {@code rollbackScale} times the schedule's current factor. */
    void apply(double rollbackScale) {
        apply(optimizers, config, phases, rollbackScale * factor);
    }

    /** Before step {@code step} of {@code total}: applies the variant's schedule ({@link GanVariant#lrFactor}). */
    void schedule(long step, long total, double rollbackScale) {
        double f = variant.lrFactor(config, step, total);
        if (f != factor) {
            factor = f;
            apply(rollbackScale);
        }
    }

    private static void apply(Map<String, Adam> optimizers, TrainConfig config, List<Phase> phases, double scale) {
        var o = config.optim();
        var r = config.reg();
        double c = r.r1Gamma() > 0 && r.r1Every() > 1 ? r.r1Every() / (r.r1Every() + 1.0) : 1.0;
        for (var e : optimizers.entrySet()) {
            boolean d = e.getKey().equals(Players.D);
            double ce = d ? c : lazyFactor(phases, e.getKey());
            Optimizers.setLr(e.getValue(), (d ? o.lrD() : o.lrG()) * ce * scale);
            if (ce != 1.0) {
                var opts = new AdamOptions(e.getValue().param_groups().get(0).options());
                Optimizers.setBetas(opts, Math.pow(o.beta1(), ce), Math.pow(o.beta2(), ce));
            }
        }
    }

    /** k / (k + 1) for the first phase of {@code group} that runs every k > 1 steps; 1 when it has none. */
    private static double lazyFactor(List<Phase> phases, String group) {
        for (Phase p : phases) {
            if (p.group().equals(group) && p.every() > 1) {
                return p.every() / (p.every() + 1.0);
            }
        }
        return 1.0;
    }
}
