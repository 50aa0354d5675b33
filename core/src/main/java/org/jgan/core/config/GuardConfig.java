package org.jgan.core.config;

/**
 * What to do when training goes wrong.
 *
 * @param maxLoss      a loss whose magnitude exceeds this counts as exploding, like NaN or infinity
 * @param maxRollbacks rollbacks to the last good checkpoint before the run stops
 * @param lrFactor     learning rates are multiplied by this at each rollback
 * @param onCollapse   reaction to a mode-collapse alarm: warn, rollback or stop
 */
public record GuardConfig(double maxLoss, int maxRollbacks, double lrFactor, String onCollapse) {
    public GuardConfig {
        ConfigException.check(maxLoss > 0, "guard.maxLoss must be positive, got " + maxLoss);
        ConfigException.check(maxRollbacks >= 0, "guard.maxRollbacks must be 0 or more, got " + maxRollbacks);
        ConfigException.check(lrFactor > 0 && lrFactor <= 1, "guard.lrFactor must be in (0, 1], got " + lrFactor);
        ConfigException.check(java.util.Set.of("warn", "rollback", "stop").contains(onCollapse),
                "guard.onCollapse must be warn, rollback or stop, got '" + onCollapse + "'");
    }

    public static GuardConfig defaults() {
        return new GuardConfig(1e5, 3, 0.5, "warn");
    }
}
