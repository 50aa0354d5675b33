package org.jgan.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgan.core.train.HealthWatch;
import org.jgan.core.train.TrainListener;

/** Remembers what a training call produced (newest grid and checkpoint, alarms) for its {@link TrainingResult}. */
final class Outcome implements TrainListener {
    private Path lastSample;
    private Path lastCheckpoint;
    private final List<String> alarms = new ArrayList<>();
    private boolean dead;

    @Override
    public void event(Map<String, Object> e) {
        Object kind = e.get("alarm");
        if (kind != null) {
            alarms.add(kind + " at step " + e.get("step"));
            dead |= HealthWatch.KINDS.contains(kind.toString());
        }
    }

    @Override
    public void sampleWritten(Path png) {
        lastSample = png;
    }

    @Override
    public void checkpointWritten(Path dir) {
        lastCheckpoint = dir;
    }

    Path lastSample() {
        return lastSample;
    }

    Path lastCheckpoint() {
        return lastCheckpoint;
    }

    List<String> alarms() {
        return alarms;
    }

    boolean dead() {
        return dead;
    }
}
