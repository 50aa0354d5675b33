package org.jgan.core.train;

/**
 * Why the run guard stopped a run. It is kept in the checkpoint the run stands on ({@link RunRecovery#STOP_FILE}),
 * so that a resume knows the run did not merely crash, and can say what it does differently.
 *
 * @param step   the step at which training stopped
 * @param cause  {@value #DIVERGED} (out of rollbacks) or the kind of the alarm that asked for the stop, e.g. "collapse"
 * @param reason what happened
 */
record GuardStop(long step, String cause, String reason) {
    static final String DIVERGED = "diverged";

    boolean diverged() {
        return DIVERGED.equals(cause);
    }
}
