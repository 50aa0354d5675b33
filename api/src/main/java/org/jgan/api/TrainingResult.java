package org.jgan.api;

import java.nio.file.Path;
import java.util.List;

/**
 * How a call of {@link Training#run()} ended.
 *
 * @param runDir         the run folder
 * @param step           global step reached
 * @param epoch          epochs completed
 * @param lastSample     the newest sample grid written by this call, or null when none was
 * @param checkpoint     the checkpoint the run now stands on (written by this call or earlier), or null
 * @param alarms         alarms raised during this call, "KIND at step N" each (also in stats.jsonl)
 * @param wentDead       true when an alarm says the run likely went dead (its samples are useless; see
 *                       {@code core.train.HealthWatch})
 * @param stoppedByTime  true when the time budget ended the call before the config's length
 * @param seconds        wall-clock seconds of this call's training
 */
public record TrainingResult(Path runDir, long step, long epoch, Path lastSample, Path checkpoint, List<String> alarms,
                             boolean wentDead, boolean stoppedByTime, double seconds) {
    public TrainingResult {
        alarms = List.copyOf(alarms);
    }
}
