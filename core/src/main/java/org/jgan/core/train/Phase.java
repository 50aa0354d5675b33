package org.jgan.core.train;

/**
 * One part of a training step: the loss that one group of networks minimises (stylegan2-ada's "phases"). A step runs
 * its phases in order; a phase with {@code every > 1} runs on every {@code every}-th step only (lazy regularisation).
 * Phases marked {@code critic} run {@code optim.dSteps} times per step, each time on a fresh real batch (the n critic
 * steps of WGAN); the phases after them see the last of those batches.
 *
 * @param name   shown in stats and errors, e.g. "Dmain", "Gmain"
 * @param group  the group of {@link Players} whose optimizer steps on this loss
 * @param every  run on steps divisible by this
 * @param critic repeat per critic step
 * @param loss   computes the scalar loss; it must not call backward or step anything
 * @param from   first global step the phase runs at (training in stages, as TimeGAN's)
 * @param until  the phase runs before this global step only
 */
public record Phase(String name, String group, int every, boolean critic, PhaseLoss loss, long from, long until) {
    public Phase {
        if (every < 1) {
            throw new IllegalArgumentException("phase " + name + ": every must be >= 1");
        }
        if (from < 0 || until < from) {
            throw new IllegalArgumentException("phase " + name + ": steps " + from + " .. " + until + " are no range");
        }
    }

    /** A phase of every step from the first on. */
    public Phase(String name, String group, int every, boolean critic, PhaseLoss loss) {
        this(name, group, every, critic, loss, 0, Long.MAX_VALUE);
    }

    /** This phase restricted to global steps {@code from} (inclusive) to {@code until} (exclusive). */
    public Phase during(long from, long until) {
        return new Phase(name, group, every, critic, loss, from, until);
    }

    /** Whether the phase runs at global step {@code step}. */
    public boolean runsAt(long step) {
        return step >= from && step < until && step % every == 0;
    }

    /**
     * The loss of a phase, computed from the step's context; null when the phase has nothing to learn this step (TimeGAN
     * trains its discriminator only while its loss is above a threshold), in which case nothing is stepped.
     */
    @FunctionalInterface
    public interface PhaseLoss {
        org.bytedeco.pytorch.Tensor compute(StepContext ctx);
    }
}
