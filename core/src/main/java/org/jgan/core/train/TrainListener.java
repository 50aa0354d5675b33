package org.jgan.core.train;

import java.nio.file.Path;
import java.util.Map;

/** Hears about training progress; the CLI draws a progress bar from it. All methods default to doing nothing. */
public interface TrainListener {
    /** Called once before training starts, with the trainer (for listeners that evaluate or log events). */
    default void attached(Trainer trainer) {
    }

    default void started(TrainState state, long totalSteps) {
    }

    default void stepDone(TrainState state, Map<String, Double> stats) {
    }

    default void logged(Map<String, Object> record) {
    }

    /** An alarm, rollback or other event that was also written to stats.jsonl. */
    default void event(Map<String, Object> event) {
    }

    default void sampleWritten(Path png) {
    }

    default void checkpointWritten(Path dir) {
    }

    default void finished(TrainState state) {
    }
}
