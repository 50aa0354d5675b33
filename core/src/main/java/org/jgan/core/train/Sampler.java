package org.jgan.core.train;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.nn.GanNet;

/** Runs a generator for sampling: no gradients, batch norm on its running statistics. */
public final class Sampler {
    private Sampler() {
    }

    /** G(z, labels) in eval mode; the generator's train/eval mode is restored afterwards. */
    public static Tensor generate(GanNet generator, Tensor z, Tensor labels) {
        boolean wasTraining = generator.is_training();
        generator.eval();
        try (NoGradGuard g = new NoGradGuard()) {
            return generator.forward(z, labels);
        } finally {
            generator.train(wasTraining);
        }
    }

    /** A sample sheet's images with every network in eval mode and no gradients; modes are restored afterwards. */
    public static Tensor render(SampleSheet sheet, GanNet generator, Players players) {
        boolean wasTraining = generator.is_training();
        java.util.Map<GanNet, Boolean> modes = new java.util.HashMap<>();
        players.nets().values().forEach(n -> modes.put(n, n.is_training()));
        generator.eval();
        players.train(false);
        try (NoGradGuard g = new NoGradGuard()) {
            return sheet.render(generator, players);
        } finally {
            modes.forEach((n, m) -> n.train(m));
            generator.train(wasTraining);
        }
    }

    /**
     * As {@link #generate(GanNet, Tensor, Tensor)} with the truncation trick (Karras et al. 2019): psi = 1 is plain
     * sampling; otherwise the generator must be style-based, and its ws are pulled towards the mean w by psi.
     */
    public static Tensor generate(GanNet generator, Tensor z, Tensor labels, double psi) {
        if (psi == 1.0) {
            return generate(generator, z, labels);
        }
        if (!(generator instanceof org.jgan.core.nn.StyleGenerator sg)) {
            throw new org.jgan.core.config.ConfigException("truncation (psi " + psi + ") needs a style-based "
                    + "generator (e.g. stylegan2) with a mean w to truncate towards; this run's generator has none");
        }
        boolean wasTraining = generator.is_training();
        generator.eval();
        try (NoGradGuard g = new NoGradGuard()) {
            return sg.forward(z, labels, psi);
        } finally {
            generator.train(wasTraining);
        }
    }
}
