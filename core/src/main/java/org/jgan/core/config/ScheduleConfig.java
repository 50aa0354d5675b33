package org.jgan.core.config;

/**
 * How long to train and how often to write things. Steps count generator steps from the start of the run, across
 * resumes; epochs count whole passes over the data from the start of the run.
 *
 * @param epochs          stop after this many epochs (0: no epoch limit)
 * @param steps           stop at this global step (0: no step limit); with both, the earlier limit wins
 * @param logEvery        a stats.jsonl line every N steps
 * @param sampleEvery     a sample grid every N steps (and at the end)
 * @param checkpointEvery a checkpoint every N steps (and at the end)
 * @param keepCheckpoints how many step checkpoints to keep (older ones are deleted)
 * @param sampleCount     images in each sample grid, from one fixed latent batch
 */
public record ScheduleConfig(int epochs, long steps, int logEvery, int sampleEvery, int checkpointEvery,
                             int keepCheckpoints, int sampleCount) {
    public ScheduleConfig {
        ConfigException.check(epochs >= 0, "schedule.epochs must be 0 or positive, got " + epochs);
        ConfigException.check(steps >= 0, "schedule.steps must be 0 or positive, got " + steps);
        ConfigException.check(epochs > 0 || steps > 0, "say how long to train: set schedule.epochs or schedule.steps");
        ConfigException.check(logEvery >= 1, "schedule.logEvery must be at least 1, got " + logEvery);
        ConfigException.check(sampleEvery >= 1, "schedule.sampleEvery must be at least 1, got " + sampleEvery);
        ConfigException.check(checkpointEvery >= 1, "schedule.checkpointEvery must be at least 1, got "
                + checkpointEvery);
        ConfigException.check(keepCheckpoints >= 1, "schedule.keepCheckpoints must be at least 1, got "
                + keepCheckpoints);
        ConfigException.check(sampleCount >= 1 && sampleCount <= 1024, "schedule.sampleCount must be in 1..1024, got "
                + sampleCount);
    }

    /**
     * The global step at which training stops: the earlier of {@link #steps} and {@link #epochs} epochs of
     * {@code stepsPerEpoch} steps (0 means no limit from that setting).
     */
    public long totalSteps(long stepsPerEpoch) {
        long byEpochs = epochs > 0 ? (long) epochs * Math.max(1, stepsPerEpoch) : Long.MAX_VALUE;
        return Math.min(byEpochs, steps > 0 ? steps : Long.MAX_VALUE);
    }
}
