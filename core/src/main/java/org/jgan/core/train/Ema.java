package org.jgan.core.train;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorVector;
import org.jgan.core.nn.GanNet;
import org.jgan.engine.StepScope;

/**
 * An exponential moving average of the generator's weights (Karras et al. 2018, Yazici et al. 2019): sampling and
 * evaluation use this copy, which is smoother than the raw generator. Buffers (batch-norm statistics) are copied,
 * not averaged. Owns its copy of the network.
 */
public final class Ema implements AutoCloseable {
    private final GanNet copy;
    private final double beta;

    /** Wraps {@code copy} (a fresh network of the generator's architecture) and sets it equal to {@code source}. */
    public Ema(GanNet copy, GanNet source, double beta) {
        this.copy = copy;
        this.beta = beta;
        copy.eval();
        for (long i = 0, n = copy.parameters().size(); i < n; i++) {
            copy.parameters().get(i).set_requires_grad(false);
        }
        copyFrom(source);
    }

    public GanNet net() {
        return copy;
    }

    public double beta() {
        return beta;
    }

    /**
     * ema = b * ema + (1 - b) * current after {@code step} updates, with b = min(beta, (1 + step) / (10 + step)): the
     * warm-up (as TensorFlow's ExponentialMovingAverage with num_updates) keeps the early EMA from being mostly the
     * random initial weights (with beta = 0.999, 60% of the copy at step 500 would still be the initialisation).
     */
    public void update(GanNet source, long step) {
        double b = Math.min(beta, (1.0 + step) / (10.0 + step));
        try (StepScope s = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
            TensorVector dst = copy.parameters(true);
            TensorVector src = source.parameters(true);
            Scalar w = new Scalar(1.0 - b);
            for (long i = 0; i < dst.size(); i++) {
                dst.get(i).lerp_(src.get(i), w);
            }
            copyBuffers(source);
        }
    }

    /** Sets the copy exactly equal to {@code source}. */
    public void copyFrom(GanNet source) {
        try (StepScope s = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
            TensorVector dst = copy.parameters(true);
            TensorVector src = source.parameters(true);
            for (long i = 0; i < dst.size(); i++) {
                dst.get(i).copy_(src.get(i));
            }
            copyBuffers(source);
        }
    }

    private void copyBuffers(GanNet source) {
        TensorVector dst = copy.buffers(true);
        TensorVector src = source.buffers(true);
        for (long i = 0; i < dst.size(); i++) {
            dst.get(i).copy_(src.get(i));
        }
    }

    @Override
    public void close() {
        copy.close();
    }
}
