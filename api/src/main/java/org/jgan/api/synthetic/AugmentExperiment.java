package org.jgan.api.synthetic;

import java.util.function.Consumer;
import org.jgan.core.data.ImageDataset;
import org.jgan.metrics.classifier.ClassifierNet;
import org.jgan.metrics.classifier.ClassifierTraining;
import org.jgan.metrics.classifier.ExtraData;

/**
 * The augmentation experiment: does synthetic data from a conditional GAN help a downstream classifier? The same
 * small classifier (jgan's CNN, trained from scratch, never the evaluation weights) is trained on K real images per
 * class, and on the same K plus N synthetic ones, for several seeds, with the same number of gradient steps, and
 * tested on the held-out test split, which is read only to score.
 */
public final class AugmentExperiment {
    /** The classifier's batch of real images (smaller when the real set is). */
    public static final int BATCH = 64;

    private AugmentExperiment() {
    }

    /**
     * Trains and tests both conditions (and the control, if asked) for seeds 1..{@code settings.seeds()}.
     *
     * @param data      the real images and the test split
     * @param synthetic labelled synthetic images of the real images' shape and classes
     * @param settings  seeds, steps, mixing and control
     * @param log       receives one line per seed and condition as results come in
     */
    public static AugmentResult run(AugmentData data, ImageDataset synthetic, AugmentSettings settings,
                                    Consumer<String> log) {
        ImageDataset real = data.real();
        Mixing mixing = settings.mixing();
        ImageDataset train = mixing.isPooled()
                ? SyntheticSets.mix(real, synthetic, synthetic.size() / (double) real.size()) : real;
        ExtraData extra = mixing.isPooled() ? null : slots(synthetic, mixing);
        int n = settings.seeds();
        double[] r = new double[n];
        double[] a = new double[n];
        for (int s = 0; s < n; s++) {
            r[s] = accuracy(real, null, data.test(), settings.steps(), s + 1);
            a[s] = accuracy(train, extra, data.test(), settings.steps(), s + 1);
            log.accept(String.format("seed %d: real only %.4f, real + synthetic %.4f", s + 1, r[s], a[s]));
        }
        double[] c = null;
        if (settings.control()) {
            c = new double[n];
            for (int s = 0; s < n; s++) {
                c[s] = accuracy(real, slots(real, mixing), data.test(), settings.steps(), s + 1);
                log.accept(String.format("seed %d: control (real images in the synthetic slots) %.4f", s + 1, c[s]));
            }
        }
        return new AugmentResult(r, a, c);
    }

    /**
     * Test accuracy on {@code test} of the experiment's classifier trained for about {@code steps} batches of
     * {@code train} (plus {@code extra}, which may be null) from {@code seed}.
     */
    public static double accuracy(ImageDataset train, ExtraData extra, ImageDataset test, int steps, long seed) {
        try (ClassifierNet net = trainClassifier(train, extra, steps, seed)) {
            return ClassifierTraining.accuracy(net, test);
        }
    }

    /**
     * The experiment's classifier trained for about {@code steps} batches of {@code train} (plus {@code extra}, which
     * may be null) from {@code seed}: whole epochs of batch {@value #BATCH}, learning rate 1e-3. The caller closes it.
     */
    public static ClassifierNet trainClassifier(ImageDataset train, ExtraData extra, int steps, long seed) {
        int batch = Math.min(BATCH, train.size());
        int perEpoch = Math.max(1, train.size() / batch);
        int epochs = Math.max(1, (int) Math.round(steps / (double) perEpoch));
        return new ClassifierTraining(epochs, batch, 1e-3, seed).train(train, extra, null, m -> { });
    }

    /** {@code images} in the extra slots of every batch, as many as the mixing asks (at most all of them). */
    private static ExtraData slots(ImageDataset images, Mixing mixing) {
        return new ExtraData(images, Math.min(mixing.perBatch(), images.size()), mixing.weight());
    }
}
