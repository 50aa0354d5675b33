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
}
