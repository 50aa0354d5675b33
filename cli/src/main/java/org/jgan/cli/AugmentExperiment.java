package org.jgan.cli;

import java.util.function.Consumer;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.Seeds;
import org.jgan.metrics.classifier.ClassifierNet;
import org.jgan.metrics.classifier.ClassifierTraining;
import org.jgan.metrics.classifier.ExtraData;

/**
 * The augmentation experiment: the same small classifier (jgan's CNN, trained from scratch, never the evaluation
 * weights) is trained on K real images per class, and on the same K plus N synthetic ones, for several seeds, with
 * the same number of gradient steps, and tested on the held-out test split. The test split is read only to score.
 *
 * <p>Two ways to use the synthetic images: {@link Mixing#added} puts some into every batch beside an unchanged
 * real batch (see {@link ExtraData} for why); {@link Mixing#pooled} shuffles them into one set with the real ones.
 */
final class AugmentExperiment {
    static final int BATCH = 64;

    private AugmentExperiment() {
    }

    /** Test accuracies per seed of the two conditions. */
    record Result(double[] real, double[] augmented) {
        static double mean(double[] a) {
            double s = 0;
            for (double v : a) {
                s += v;
            }
            return s / a.length;
        }

        static double std(double[] a) {
            double m = mean(a);
            double s = 0;
            for (double v : a) {
                s += (v - m) * (v - m);
            }
            return a.length > 1 ? Math.sqrt(s / (a.length - 1)) : 0;
        }

        double lift() {
            return mean(augmented) - mean(real);
        }

        /** True when the lift exceeds the larger of the two seed spreads. */
        boolean beyondSpread() {
            return lift() > Math.max(std(real), std(augmented));
        }

        /** True when synthetic data made things worse by more than the larger seed spread. */
        boolean lossBeyondSpread() {
            return -lift() > Math.max(std(real), std(augmented));
        }

        /** The verdict in words: a gain or a loss beyond the seeds' spread, or within it. */
        String verdict() {
            return beyondSpread() ? "a gain beyond the seeds' spread"
                    : lossBeyondSpread() ? "a loss beyond the seeds' spread" : "within the seeds' spread";
        }
    }

    /**
     * How synthetic images enter the augmented classifier's training.
     *
     * @param perBatch synthetic images beside each real batch, or 0 to pool both sets into one
     * @param weight   factor on the synthetic images' loss (added mode only)
     */
    record Mixing(int perBatch, double weight) {
        static Mixing pooled() {
            return new Mixing(0, 1);
        }

        static Mixing added(int perBatch, double weight) {
            if (perBatch < 1 || !(weight > 0)) {
                throw new ConfigException("--synthetic-batch must be >= 1 and --synthetic-weight > 0, got "
                        + perBatch + " and " + weight);
            }
            return new Mixing(perBatch, weight);
        }

        /** Throws, naming {@code option}, when there are no synthetic slots in a batch (pooled mixing). */
        void requireSlots(String option) {
            if (perBatch == 0) {
                throw new ConfigException(option + " needs --mix added (pooled mixing has no extra batch to fill)");
            }
        }

        String describe() {
            return perBatch == 0 ? "real and synthetic images pooled into one set"
                    : perBatch + " synthetic images beside every real batch, loss weight " + weight;
        }
    }

    /** The K-per-class real images a run's GAN was trained on, selected exactly as training selected them. */
    static ImageDataset realSubset(TrainConfig runConfig) {
        return DataSources.forTraining(runConfig.data(), Seeds.derive(runConfig.seed(), "subset", 0));
    }

    static Result run(ImageDataset real, ImageDataset synthetic, ImageDataset test, int seeds, int steps,
                      Mixing mixing, Consumer<String> log) {
        boolean pooled = mixing.perBatch() == 0;
        ImageDataset both = pooled ? SyntheticExport.mix(real, synthetic, synthetic.size() / (double) real.size())
                : real;
        ExtraData extra = pooled ? null
                : new ExtraData(synthetic, Math.min(mixing.perBatch(), synthetic.size()), mixing.weight());
        double[] r = new double[seeds];
        double[] a = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            r[s] = trainAndTest(real, null, test, steps, s + 1);
            a[s] = trainAndTest(both, extra, test, steps, s + 1);
            log.accept(String.format("seed %d: real only %.4f, real + synthetic %.4f", s + 1, r[s], a[s]));
        }
        return new Result(r, a);
    }

    /**
     * The control of added mixing: the synthetic slots of every batch filled with the real images again (same count,
     * same weight), per seed. It separates the synthetic images' effect from that of larger batches and more
     * gradient signal per step.
     */
    static double[] control(ImageDataset real, ImageDataset test, int seeds, int steps, Mixing mixing,
                            Consumer<String> log) {
        mixing.requireSlots("--control");
        ExtraData again = new ExtraData(real, Math.min(mixing.perBatch(), real.size()), mixing.weight());
        double[] c = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            c[s] = trainAndTest(real, again, test, steps, s + 1);
            log.accept(String.format("seed %d: control (real images in the synthetic slots) %.4f", s + 1, c[s]));
        }
        return c;
    }

    /** Test accuracy of a classifier trained for about {@code steps} steps on {@code train} (plus {@code extra}). */
    static double trainAndTest(ImageDataset train, ExtraData extra, ImageDataset test, int steps, long seed) {
        try (ClassifierNet net = train(train, extra, steps, seed)) {
            return ClassifierTraining.accuracy(net, test);
        }
    }

    /** The experiment's classifier trained for about {@code steps} batches of {@code train} (plus {@code extra}). */
    static ClassifierNet train(ImageDataset train, ExtraData extra, int steps, long seed) {
        int batch = Math.min(BATCH, train.size());
        int perEpoch = Math.max(1, train.size() / batch);
        int epochs = Math.max(1, (int) Math.round(steps / (double) perEpoch));
        return new ClassifierTraining(epochs, batch, 1e-3, seed).train(train, extra, null, m -> { });
    }
}
