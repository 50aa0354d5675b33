package org.jgan.core.train;

import java.util.function.LongSupplier;

/**
 * A wall-clock limit on one training session ({@code jgan train --minutes M}): the loop asks {@link #expired()} after
 * each step and, once it is, ends the run as it ends at its step limit (stats line, sample grid, final checkpoint).
 * The clock starts when the loop starts, so building networks and loading data are not counted; the budget is per
 * invocation (a resumed run gets a fresh budget). Used for comparisons at equal training time, as the StyleGAN2
 * paper's (Karras et al. 2020) training-cost tables compare models at equal compute.
 */
public final class TimeBudget {
    /** No wall-clock limit. */
    public static final TimeBudget NONE = new TimeBudget(0, System::nanoTime);

    private final long budgetNanos;
    private final LongSupplier clock;
    private long startNanos = -1;

    /** A budget of {@code nanos} nanoseconds (0: none) on {@code clock} (in nanoseconds; tests fake it). */
    public TimeBudget(long nanos, LongSupplier clock) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a time budget must be 0 (none) or positive, got " + nanos + " ns");
        }
        this.budgetNanos = nanos;
        this.clock = clock;
    }

    /** A budget of {@code minutes} (fractions allowed) on the system clock; 0 means none. */
    public static TimeBudget minutes(double minutes) {
        if (!(minutes >= 0) || Double.isInfinite(minutes)) {
            throw new IllegalArgumentException("a time budget must be 0 (no limit) or positive minutes, got "
                    + minutes);
        }
        return new TimeBudget(Math.round(minutes * 60e9), System::nanoTime);
    }

    /** Starts (or restarts) the clock. */
    public void start() {
        startNanos = clock.getAsLong();
    }

    /** Whether there is a limit at all. */
    public boolean limited() {
        return budgetNanos > 0;
    }

    /** True once the budget is used up; false before {@link #start()} and always without a limit. */
    public boolean expired() {
        return limited() && startNanos >= 0 && clock.getAsLong() - startNanos >= budgetNanos;
    }

    /** Seconds since {@link #start()} (0 before). */
    public double elapsedSeconds() {
        return startNanos < 0 ? 0 : (clock.getAsLong() - startNanos) / 1e9;
    }
}
