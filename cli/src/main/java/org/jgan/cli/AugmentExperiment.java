package org.jgan.cli;

import java.util.function.Consumer;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.Seeds;
import org.jgan.metrics.classifier.ClassifierNet;
import org.jgan.metrics.classifier.ClassifierTraining;

/**
 * The augmentation experiment: the same small classifier (jgan's CNN, trained from scratch, never the evaluation
 * weights) is trained on K real images per class, and on the same K plus N synthetic ones, for several seeds, with
 * the same number of gradient steps, and tested on the held-out test split. The test split is read only to score.
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

    /** The K-per-class real images a run's GAN was trained on, selected exactly as training selected them. */
    static ImageDataset realSubset(TrainConfig runConfig) {
        return DataSources.forTraining(runConfig.data(), Seeds.derive(runConfig.seed(), "subset", 0));
    }

    static Result run(ImageDataset real, ImageDataset synthetic, ImageDataset test, int seeds, int steps,
                      Consumer<String> log) {
        ImageDataset both = SyntheticExport.mix(real, synthetic, synthetic.size() / (double) real.size());
        double[] r = new double[seeds];
        double[] a = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            r[s] = trainAndTest(real, test, steps, s + 1);
            a[s] = trainAndTest(both, test, steps, s + 1);
            log.accept(String.format("seed %d: real only %.4f, real + synthetic %.4f", s + 1, r[s], a[s]));
        }
        return new Result(r, a);
    }

    /** Test accuracy of a classifier trained for about {@code steps} steps on {@code train}. */
    static double trainAndTest(ImageDataset train, ImageDataset test, int steps, long seed) {
        int batch = Math.min(BATCH, train.size());
        int perEpoch = Math.max(1, train.size() / batch);
        int epochs = Math.max(1, (int) Math.round(steps / (double) perEpoch));
        try (ClassifierNet net = new ClassifierTraining(epochs, batch, 1e-3, seed).train(train, null, m -> { })) {
            return ClassifierTraining.accuracy(net, test);
        }
    }
}
