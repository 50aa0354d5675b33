package org.jgan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageDataset;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.metrics.features.ClassifierFeatures;
import org.jgan.models.RunGenerator;

/**
 * Keeps only synthetic images that a classifier (the built-in one, or one the caller trained) assigns to their
 * intended class with at least a given probability, drawing further latents until every class is full (or giving up
 * with a clear error).
 */
final class ConfidenceFilter {
    private static final int MAX_ROUNDS = 20;

    private ConfidenceFilter() {
    }

    /** Filtered by the built-in Fashion-MNIST classifier (trained on the full train split). */
    static ImageDataset generate(RunGenerator rg, int perClass, long seed, double minConfidence) {
        try (ClassifierFeatures clf = ClassifierFeatures.builtin()) {
            return generate(rg, perClass, seed, minConfidence, clf, "the built-in Fashion-MNIST classifier");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the built-in classifier", e);
        }
    }

    /**
     * Filtered by {@code judge}, named {@code judgeName} in messages: a classifier of this run's images and classes
     * (e.g. one trained on the run's own K real images per class, which keeps an augmentation experiment free of
     * any other data). The caller closes {@code judge}.
     */
    static ImageDataset generate(RunGenerator rg, int perClass, long seed, double minConfidence,
                                 ClassifierFeatures judge, String judgeName) {
        var s = rg.shape();
        judge.check("run " + rg.checkpoint(), s.channels(), s.height(), s.width());
        int k = s.numClasses();
        if (judge.classes() != k) {
            throw new ConfigException("--min-confidence scores images with " + judgeName + " (" + judge.classes()
                    + " classes); this run has " + k + " classes " + rg.classNames());
        }
        int per = s.channels() * s.height() * s.width();
        byte[] px = new byte[perClass * k * per];
        int[] filled = new int[k];
        int drawn = 0;
        for (int round = 0; round < MAX_ROUNDS && min(filled) < perClass; round++) {
            int batch = perClass * k;
            byte[] cand = rg.generate(batch, seed + round * 7919L, i -> i / perClass, 1.0);
            drawn += batch;
            double[] conf = confidence(judge, cand, batch, s.channels(), s.height(), s.width(), perClass);
            for (int i = 0; i < batch; i++) {
                int c = i / perClass;
                if (filled[c] < perClass && conf[i] >= minConfidence) {
                    System.arraycopy(cand, i * per, px, (c * perClass + filled[c]) * per, per);
                    filled[c]++;
                }
            }
        }
        for (int c = 0; c < k; c++) {
            if (filled[c] < perClass) {
                throw new ConfigException("--min-confidence " + minConfidence + ": after " + drawn + " draws class "
                        + rg.classNames().get(c) + " has only " + filled[c] + " of " + perClass
                        + " images that " + judgeName + " is that confident of; lower --min-confidence or train "
                        + "the run longer");
            }
        }
        int[] labels = new int[perClass * k];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / perClass;
        }
        System.err.printf("--min-confidence %.2f (%s) kept %d of %d generated images%n", minConfidence, judgeName,
                labels.length, drawn);
        return new ImageDataset("synthetic:" + rg.checkpoint(), s.channels(), s.height(), s.width(), px, labels,
                rg.classNames());
    }

    /** The classifier's probability of the intended class of every image. */
    private static double[] confidence(ClassifierFeatures clf, byte[] px, int n, int c, int h, int w, int perClass) {
        double[] out = new double[n];
        int chunk = 500;
        for (int from = 0; from < n; from += chunk) {
            int m = Math.min(chunk, n - from);
            try (StepScope scope = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
                float[] f = new float[m * c * h * w];
                for (int i = 0; i < f.length; i++) {
                    f[i] = px[from * c * h * w + i] & 0xff;
                }
                Tensor probs = clf.apply(Tensors.fromFloats(f, m, c, h, w)).probs();
                float[] p = Tensors.toFloats(probs);
                int k = (int) probs.size(1);
                for (int i = 0; i < m; i++) {
                    out[from + i] = p[i * k + (from + i) / perClass];
                }
            }
        }
        return out;
    }

    private static int min(int[] a) {
        int m = Integer.MAX_VALUE;
        for (int v : a) {
            m = Math.min(m, v);
        }
        return m;
    }
}
