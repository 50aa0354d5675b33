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
 */
public record Phase(String name, String group, int every, boolean critic, PhaseLoss loss) {
    public Phase {
        if (every < 1) {
            throw new IllegalArgumentException("phase " + name + ": every must be >= 1");
        }
    }

    /** The loss of a phase, computed from the step's context. */
    @FunctionalInterface
    public interface PhaseLoss {
        org.bytedeco.pytorch.Tensor compute(StepContext ctx);
    }
}
