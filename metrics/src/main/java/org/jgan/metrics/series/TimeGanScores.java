package org.jgan.metrics.series;

import java.util.SplittableRandom;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.Batches;
import org.jgan.core.train.Seeds;
import org.jgan.engine.Optimizers;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * TimeGAN's two scores of synthetic series (Yoon et al. 2019, section 5), both on windows scaled to [0, 1] by the
 * real ones, both with a small post-hoc GRU ({@link PostHocGru}) trained by Adam on batches of 128, seeded:
 * <ul>
 * <li>discriminative: a classifier trained for 2,000 steps to tell real from synthetic windows on 80% of each; the
 * score is |accuracy - 0.5| on the other 20% (0 when it cannot tell them apart), the mean of {@link #FITS} fits,
 * each with its own split and start, as the paper averages its repeats. The classifier has
 * {@code max(features / 2, 8)} units, not the paper's {@code features / 2}: with 2 units (four features) it often
 * never learnt, and real weather windows shuffled in time scored 0.02 for three scoring seeds of five and 0.26-0.29
 * for the other two; with 8 units every seed learnt (0.28-0.45);</li>
 * <li>predictive: a model of {@code features / 2} units trained for 5,000 steps on one set of windows to predict the
 * last feature one step ahead from the other features, scored by its mean absolute error on real windows it never
 * saw.</li>
 * </ul>
 */
public final class TimeGanScores {
    static final int BATCH = 128;
    static final int CLASSIFIER_STEPS = 2000;
    static final int PREDICTOR_STEPS = 5000;
    /** Classifier fits averaged into one discriminative score. */
    public static final int FITS = 3;
    /** The fewest units the discriminative classifier gets. */
    public static final int MIN_UNITS = 8;

    private TimeGanScores() {
    }

    /** The discriminative score of {@code synthetic} against {@code real} (both already scaled), in 0..0.5. */
    public static double discriminative(Windows real, Windows synthetic, long seed) {
        return discriminative(real, synthetic, seed, CLASSIFIER_STEPS);
    }

    /** As {@link #discriminative(Windows, Windows, long)} with {@code steps} training steps. */
    public static double discriminative(Windows real, Windows synthetic, long seed, int steps) {
        return discriminative(real, synthetic, seed, steps, Math.max(real.features() / 2, MIN_UNITS), FITS);
    }

    /**
     * The mean score of {@code fits} classifiers of {@code units} GRU units trained {@code steps} steps each ({@code
     * units = max(1, features / 2)} and 10 fits is the paper's setting).
     */
    public static double discriminative(Windows real, Windows synthetic, long seed, int steps, int units, int fits) {
        if (units < 1 || fits < 1 || steps < 1) {
            throw new IllegalArgumentException("the discriminative score needs at least one unit, fit and step; got "
                    + units + " units, " + fits + " fits, " + steps + " steps");
        }
        double sum = 0;
        for (int k = 0; k < fits; k++) {
            sum += fitOnce(real, synthetic, Seeds.derive(seed, "disc-fit", k), steps, units);
        }
        return sum / fits;
    }

    /** One classifier's |accuracy - 0.5| on its held-out 20%. */
    private static double fitOnce(Windows real, Windows synthetic, long seed, int steps, int units) {
        int n = Math.min(real.count(), synthetic.count());
        int[] r = Batches.permutation(real.count(), new SplittableRandom(Seeds.derive(seed, "disc-real", 0)));
        int[] s = Batches.permutation(synthetic.count(), new SplittableRandom(Seeds.derive(seed, "disc-syn", 0)));
        int train = (int) (n * 0.8);
        torch.manual_seed(Seeds.derive(seed, "disc-init", 0));
        try (PostHocGru net = new PostHocGru(real.features(), units)) {
            Adam opt = Optimizers.adam(net.parameters(true), 1e-3, 0.9, 0.999);
            try {
                SplittableRandom pick = new SplittableRandom(Seeds.derive(seed, "disc-batches", 0));
                for (int step = 0; step < steps; step++) {
                    try (StepScope scope = StepScope.open()) {
                        int[] ir = draw(r, train, pick);
                        int[] is = draw(s, train, pick);
                        Tensor x = torch.cat(new org.bytedeco.pytorch.TensorVector(real.tensor(ir),
                                synthetic.tensor(is)), 0);
                        Tensor y = torch.cat(new org.bytedeco.pytorch.TensorVector(torch.ones(ir.length),
                                torch.zeros(is.length)), 0);
                        Tensor loss = torch.binary_cross_entropy_with_logits(net.lastStep(x), y);
                        opt.zero_grad(true);
                        loss.backward();
                        opt.step();
                    }
                }
            } finally {
                opt.close();
            }
            int right = 0;
            try (StepScope scope = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
                int[] tr = java.util.Arrays.copyOfRange(r, train, n);
                int[] ts = java.util.Arrays.copyOfRange(s, train, n);
                float[] pr = Tensors.toFloats(net.lastStep(real.tensor(tr)));
                float[] ps = Tensors.toFloats(net.lastStep(synthetic.tensor(ts)));
                for (float v : pr) {
                    right += v > 0 ? 1 : 0;
                }
                for (float v : ps) {
                    right += v <= 0 ? 1 : 0;
                }
                return Math.abs(right / (double) (pr.length + ps.length) - 0.5);
            }
        }
    }

    /** The predictive score: trained on {@code train}, the mean absolute error on {@code test} (both scaled). */
    public static double predictive(Windows train, Windows test, long seed) {
        return predictive(train, test, seed, PREDICTOR_STEPS);
    }

    /** As {@link #predictive(Windows, Windows, long)} with {@code steps} training steps. */
    public static double predictive(Windows train, Windows test, long seed, int steps) {
        int f = train.features();
        if (f < 2) {
            throw new IllegalArgumentException("the predictive score predicts the last feature from the others; "
                    + "these windows have " + f + " feature");
        }
        int[] all = Batches.permutation(train.count(), new SplittableRandom(Seeds.derive(seed, "pred-order", 0)));
        torch.manual_seed(Seeds.derive(seed, "pred-init", 0));
        try (PostHocGru net = new PostHocGru(f - 1, Math.max(1, f / 2))) {
            Adam opt = Optimizers.adam(net.parameters(true), 1e-3, 0.9, 0.999);
            try {
                SplittableRandom pick = new SplittableRandom(Seeds.derive(seed, "pred-batches", 0));
                for (int step = 0; step < steps; step++) {
                    try (StepScope scope = StepScope.open()) {
                        Tensor w = train.tensor(draw(all, all.length, pick));
                        Tensor loss = torch.l1_loss(net.everyStep(inputs(w)).sigmoid(), targets(w));
                        opt.zero_grad(true);
                        loss.backward();
                        opt.step();
                    }
                }
            } finally {
                opt.close();
            }
            try (StepScope scope = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
                int[] idx = new int[test.count()];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = i;
                }
                Tensor w = test.tensor(idx);
                return torch.l1_loss(net.everyStep(inputs(w)).sigmoid(), targets(w)).item_double();
            }
        }
    }

    /** Steps 0..T-2 of every feature but the last. */
    private static Tensor inputs(Tensor w) {
        return w.narrow(1, 0, w.size(1) - 1).narrow(2, 0, w.size(2) - 1);
    }

    /** Steps 1..T-1 of the last feature, [batch, T-1, 1]. */
    private static Tensor targets(Tensor w) {
        return w.narrow(1, 1, w.size(1) - 1).narrow(2, w.size(2) - 1, 1);
    }

    /** A batch of up to {@link #BATCH} distinct indices among the first {@code n} of {@code order}. */
    private static int[] draw(int[] order, int n, SplittableRandom rng) {
        int m = Math.min(BATCH, n);
        int[] p = Batches.permutation(n, rng);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = order[p[i]];
        }
        return out;
    }
}
