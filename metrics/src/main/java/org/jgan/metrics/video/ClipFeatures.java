package org.jgan.metrics.video;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.DataException;
import org.jgan.core.data.clips.ClipBatches;
import org.jgan.core.data.clips.ClipSource;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.metrics.FeatureSet;

/**
 * Maps clips to the feature vectors a Fréchet video distance compares (FVD, Unterthiner et al. 2018, with I3D
 * features; jgan's built-in choice is its own small {@link VideoFeatureNet}, trained on moving Fashion-MNIST). Holds
 * native weights: close it.
 */
public interface ClipFeatures extends AutoCloseable {
    /** Class-path location of the built-in video feature network. */
    String BUILTIN_RESOURCE = "/org/jgan/metrics/video-features.pt";

    /** The built-in network, trained on moving Fashion-MNIST ({@link VideoFeatureTraining#rebuild}). */
    static ClipFeatures builtin() throws IOException {
        return NetClipFeatures.builtin();
    }

    /**
     * A video feature network from {@code file}: a file written by {@link VideoFeatureFile#save}, or else a TorchScript
     * module taking N x C x T x H x W float clips in [-1, 1] and returning N x D features.
     */
    static ClipFeatures load(Path file) throws IOException {
        return VideoFeatureFile.isVideoFeatureFile(file) ? NetClipFeatures.load(file)
                : TorchScriptClipFeatures.load(file);
    }

    /** What to call it in results, e.g. "video:builtin". */
    String name();

    /** A short hash of the weights. */
    String fingerprint();

    /** Dimension of the features; for a TorchScript module, known after the first batch (0 before). */
    int dim();

    /** Clips per batch. */
    default int batchSize() {
        return 32;
    }

    /** Throws a DataException naming {@code input} when clips of this shape cannot be used. */
    void check(String input, int channels, int frames, int height, int width);

    /**
     * Features (N x D) of a batch of clips given as float32 N x C x T x H x W in [-1, 1]. Call under a NoGradGuard
     * inside a StepScope; the result belongs to that scope.
     */
    Tensor apply(Tensor clips);

    /** The features of every clip of {@code clips}, batch by batch, each batch in its own native scope. */
    default FeatureSet extract(ClipSource clips) {
        check(clips.name(), clips.channels(), clips.frames(), clips.height(), clips.width());
        int n = clips.size();
        if (n < 1) {
            throw new DataException(clips.name() + ": no clips to compute features of");
        }
        float[] features = null;
        int d = 0;
        for (int from = 0; from < n; from += batchSize()) {
            int m = Math.min(batchSize(), n - from);
            int[] idx = java.util.stream.IntStream.range(from, from + m).toArray();
            try (StepScope scope = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
                float[] f = Tensors.toFloats(apply(ClipBatches.clips(clips, idx)));
                if (features == null) {
                    d = f.length / m;
                    features = new float[n * d];
                }
                if (f.length != m * d) {
                    throw new DataException(name() + " gave " + f.length / m + "-d features after " + d
                            + "-d ones; a feature network must give the same size for every batch");
                }
                System.arraycopy(f, 0, features, from * d, f.length);
            }
        }
        return new FeatureSet(clips.name(), name(), n, d, features, 0, null);
    }

    @Override
    void close();
}
