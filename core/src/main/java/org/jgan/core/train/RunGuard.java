package org.jgan.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgan.core.config.GuardConfig;

/**
 * The decisions of a run's guard, apart from the loop that carries them out: whether a divergence may still be rolled
 * back (else the run stops with advice), and what an alarm (e.g. a mode-collapse warning of an evaluation listener)
 * asks for per {@code guard.onCollapse}: nothing, a rollback before the next step, or a stop.
 */
final class RunGuard {
    private final GuardConfig config;
    private String pendingRollback;
    private String pendingStop;
    private GuardStop stop;

    RunGuard(GuardConfig config) {
        this.config = config;
    }

    /** Records an alarm's reaction and returns the event to log. */
    Map<String, Object> alarm(String kind, String message, long step) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("alarm", kind);
        ev.put("message", message);
        ev.put("action", config.onCollapse());
        switch (config.onCollapse()) {
            case "rollback" -> pendingRollback = kind + " alarm: " + message;
            case "stop" -> {
                pendingStop = kind + " alarm at step " + step + ": " + message
                        + ". The run stopped (guard.onCollapse=stop); its checkpoints before the alarm are intact. Try "
                        + "reg.spectralNorm=true with model.loss=hinge, optim.emaBeta=0.999 or reg.diffAugment=translation,cutout";
                stop = new GuardStop(step, kind, message);
            }
            default -> { }
        }
        return ev;
    }

    /** The reason of an alarm's pending rollback (and clears it), or null. */
    String takeRollback() {
        String r = pendingRollback;
        pendingRollback = null;
        return r;
    }

    /** Throws {@link TrainingStoppedException} when an alarm asked the run to stop. */
    void checkStop() {
        if (pendingStop != null) {
            throw new TrainingStoppedException(pendingStop);
        }
    }

    boolean stopPending() {
        return pendingStop != null;
    }

    /** Why the guard stopped the run (once it has thrown), else null. */
    GuardStop stop() {
        return stop;
    }

    /** Throws {@link TrainingDivergedException}, with advice, when the run is out of rollbacks. */
    void checkCanRollBack(String reason, TrainState state) {
        pendingRollback = null;
        if (state.rollbacks() >= config.maxRollbacks()) {
            stop = new GuardStop(state.step(), GuardStop.DIVERGED, reason + " after " + state.rollbacks()
                    + " rollback(s)");
            throw new TrainingDivergedException(reason + "; rolled back " + state.rollbacks() + " time(s) already "
                    + "(guard.maxRollbacks). Try lower learning rates (optim.lrG, optim.lrD), "
                    + "reg.spectralNorm=true, reg.gpWeight=10 with model.loss=wasserstein, or reg.r1Gamma=10");
        }
    }

    /** The counters after rolling back from {@code failed} to {@code restored}: lower rates, one more rollback. */
    TrainState afterRollback(TrainState failed, TrainState restored) {
        return new TrainState(restored.step(), restored.epoch(), restored.batchInEpoch(),
                failed.lrScale() * config.lrFactor(), failed.rollbacks() + 1);
    }

    /** The stats.jsonl event of a rollback. */
    static Map<String, Object> rollbackEvent(String reason, TrainState failed, TrainState now) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("rollback", now.rollbacks());
        ev.put("reason", reason);
        ev.put("from_step", failed.step());
        ev.put("lr_scale", now.lrScale());
        return ev;
    }
}
