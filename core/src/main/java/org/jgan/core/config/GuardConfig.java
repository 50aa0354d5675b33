package org.jgan.core.config;

/**
 * What to do when training goes wrong.
 *
 * @param maxLoss      a loss whose magnitude exceeds this counts as exploding, like NaN or infinity
 * @param maxRollbacks rollbacks to the last good checkpoint before the run stops
 * @param lrFactor     learning rates are multiplied by this at each rollback
 * @param onCollapse   reaction to an alarm (a mode-collapse warning of an evaluation, or one of the always-on
 *                     dead-run alarms): warn, rollback or stop
 * @param deadSteps    consecutive steps for which D's scores must stay pinned at 1 (real) and 0 (fake), or G's loss
 *                     stay constant, before the dead-run alarm is raised (and the first step at which sample grids
 *                     are judged); 0 turns those three alarms off (non-finite values are always reported)
 */
public record GuardConfig(double maxLoss, int maxRollbacks, double lrFactor, String onCollapse, int deadSteps) {
    /** The default of {@link #deadSteps}: far above the few steps a healthy run's D may win by chance. */
    public static final int DEAD_STEPS = 100;

    public GuardConfig {
        ConfigException.check(maxLoss > 0, "guard.maxLoss must be positive, got " + maxLoss);
        ConfigException.check(maxRollbacks >= 0, "guard.maxRollbacks must be 0 or more, got " + maxRollbacks);
        ConfigException.check(lrFactor > 0 && lrFactor <= 1, "guard.lrFactor must be in (0, 1], got " + lrFactor);
        ConfigException.check(java.util.Set.of("warn", "rollback", "stop").contains(onCollapse),
                "guard.onCollapse must be warn, rollback or stop, got '" + onCollapse + "'");
        ConfigException.check(deadSteps >= 0, "guard.deadSteps must be 0 (off) or a step count, got " + deadSteps);
    }

    public static GuardConfig defaults() {
        return new GuardConfig(1e5, 3, 0.5, "warn", DEAD_STEPS);
    }
}
