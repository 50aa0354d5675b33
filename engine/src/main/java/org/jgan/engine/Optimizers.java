package org.jgan.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.TensorVector;

/**
 * Builds libtorch optimizers with their options set correctly.
 *
 * <p>Why this exists: {@code AdamOptions.betas()} is a {@code std::tuple<double, double>} seen as a DoublePointer,
 * and libstdc++ lays a tuple out in reverse order. {@code betas().put(new double[]{0.5, 0.999})} therefore gives
 * beta1 = 0.999 and beta2 = 0.5, and a DCGAN diverges within 200 steps. The layout is detected from libtorch's
 * defaults (0.9, 0.999) rather than assumed.
 */
public final class Optimizers {
    private Optimizers() {
    }

    /** Adam (Kingma and Ba 2015) over {@code params} with learning rate and betas. */
    public static Adam adam(TensorVector params, double lr, double beta1, double beta2) {
        AdamOptions o = new AdamOptions(lr);
        setBetas(o, beta1, beta2);
        return new Adam(params, o);
    }

    /** Writes (beta1, beta2) into {@code o} whatever the tuple's memory order. */
    public static void setBetas(AdamOptions o, double beta1, double beta2) {
        DoublePointer b = o.betas();
        if (reversedTuple()) {
            b.put(new double[]{beta2, beta1});
        } else {
            b.put(new double[]{beta1, beta2});
        }
    }

    /** Reads (beta1, beta2) back from {@code o}. */
    public static double[] betas(AdamOptions o) {
        DoublePointer b = o.betas();
        return reversedTuple() ? new double[]{b.get(1), b.get(0)} : new double[]{b.get(0), b.get(1)};
    }

    private static boolean reversedTuple() {
        try (AdamOptions defaults = new AdamOptions()) {
            DoublePointer b = defaults.betas();
            if (b.get(0) == 0.999 && b.get(1) == 0.9) {
                return true;
            }
            if (b.get(0) == 0.9 && b.get(1) == 0.999) {
                return false;
            }
            throw new IllegalStateException("unexpected Adam default betas " + b.get(0) + ", " + b.get(1));
        }
    }

    /** The learning rate of the first parameter group. */
    public static double lr(Optimizer opt) {
        return opt.param_groups().get(0).options().get_lr();
    }

    /** Sets the learning rate of every parameter group. */
    public static void setLr(Optimizer opt, double lr) {
        for (long i = 0; i < opt.param_groups().size(); i++) {
            opt.param_groups().get(i).options().set_lr(lr);
        }
    }
}
