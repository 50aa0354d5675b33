package org.jgan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;

/** Several training listeners as one, called in order (the progress bar first). */
final class Listeners implements TrainListener {
    private final List<TrainListener> all;

    private Listeners(List<TrainListener> all) {
        this.all = all;
    }

    static TrainListener of(TrainListener... listeners) {
        return listeners.length == 1 ? listeners[0] : new Listeners(List.of(listeners));
    }

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
