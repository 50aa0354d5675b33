package org.jgan.core.runs;

/**
 * Whether a run is training, done or abandoned, judged from its files alone: the dashboard may run in another
 * process than the training, so it cannot ask. A run that reached its planned step is finished; one whose files
 * changed recently is running; anything else stopped (crashed, killed, or waiting for a resume).
 */
public enum RunStatus {
    /** Files changed recently, but no step was logged yet. */
    STARTING,
    /** Steps were logged and the files changed recently. */
    RUNNING,
    /** The last logged step is the planned one. */
    FINISHED,
    /** Nothing changed for a while short of the planned step: crashed, killed, or waiting for a resume. */
    STOPPED;

    /** A run is "running" while it wrote something within this long, or within three logging intervals. */
    static final double MIN_IDLE_SECONDS = 90;

    /**
     * @param lastStep       the last logged step, or -1 before the first stats line
     * @param plannedSteps   the step the config stops at, or -1 when unknown
     * @param idleSeconds    seconds since the run folder last changed
     * @param logInterval    seconds between the last two stats lines, or NaN
     */
    static RunStatus of(long lastStep, long plannedSteps, double idleSeconds, double logInterval) {
        // A resumed run may train past the step its config.json first planned; then the plan says nothing.
        if (plannedSteps > 0 && lastStep == plannedSteps) {
            return FINISHED;
        }
        double limit = Double.isFinite(logInterval) ? Math.max(MIN_IDLE_SECONDS, 3 * logInterval) : MIN_IDLE_SECONDS;
        if (idleSeconds <= limit) {
            return lastStep < 0 ? STARTING : RUNNING;
        }
        return STOPPED;
    }

    /** The lower-case name shown on the pages and in the JSON API. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
