package org.jgan.core.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Several {@link TrainListener}s as one, called in the order given. Every callback is forwarded (a test checks each
 * method of the interface), so a progress display composed with an evaluation or a dashboard still hears the guard's
 * rollback and alarm events.
 */
public final class TrainListeners {
    private TrainListeners() {
    }

    /** The listeners as one; a single listener is returned as it is. */
    public static TrainListener of(TrainListener... listeners) {
        return listeners.length == 1 ? listeners[0] : new All(List.of(listeners));
    }

    private record All(List<TrainListener> all) implements TrainListener {
        @Override
        public void attached(Trainer trainer) {
            all.forEach(l -> l.attached(trainer));
        }

        @Override
        public void started(TrainState state, long totalSteps) {
            all.forEach(l -> l.started(state, totalSteps));
        }

        @Override
        public void stepDone(TrainState state, Map<String, Double> stats) {
            all.forEach(l -> l.stepDone(state, stats));
        }

        @Override
        public void logged(Map<String, Object> record) {
            all.forEach(l -> l.logged(record));
        }

        @Override
        public void event(Map<String, Object> event) {
            all.forEach(l -> l.event(event));
        }

        @Override
        public void sampleWritten(Path png) {
            all.forEach(l -> l.sampleWritten(png));
        }

        @Override
        public void checkpointWritten(Path dir) {
            all.forEach(l -> l.checkpointWritten(dir));
        }

        @Override
        public void finished(TrainState state) {
            all.forEach(l -> l.finished(state));
        }
    }
}
