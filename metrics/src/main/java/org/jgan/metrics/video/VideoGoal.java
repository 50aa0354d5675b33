package org.jgan.metrics.video;

/**
 * One goal a video model is measured against ({@link VideoReport#goals}), with what was measured and whether it was
 * met. Goals whose figure could not be measured (NaN) are not met.
 *
 * @param name     what is measured, e.g. "content consistency"
 * @param target   the goal in words, e.g. ">= 85% of clips"
 * @param measured the measured value in words
 * @param passed   whether the goal is met
 */
public record VideoGoal(String name, String target, String measured, boolean passed) {
    /** A goal on one figure, shown as {@code value} in {@code format}: met when it is finite and {@code test} holds. */
    static VideoGoal of(String name, String target, double value, String format, boolean test) {
        boolean finite = Double.isFinite(value);
        return new VideoGoal(name, target, finite ? String.format(format, value) : "n/a", finite && test);
    }
}
