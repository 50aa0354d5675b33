package org.jgan.api;

import java.io.IOException;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.clips.ClipSource;
import org.jgan.core.data.clips.ClipSources;
import org.jgan.core.data.clips.Clips;
import org.jgan.metrics.features.ClassifierFeatures;
import org.jgan.metrics.video.ClipFeatures;
import org.jgan.metrics.video.VideoReport;
import org.jgan.models.mocogan.MoCoGanConfig;

/**
 * Scores a video run's clips (MoCoGAN, Tulyakov et al. 2018) against real clips of the data it trained on: content
 * consistency, motion statistics and a Fréchet video distance beside its baselines ({@link VideoReport}). Clips of
 * moving Fashion-MNIST are compared with the split the run trained on and, as the real floor, the other split;
 * content consistency uses the built-in Fashion-MNIST classifier there and is not measured on a user's clips.
 */
public final class VideoReports {
    private VideoReports() {
    }

    /** The real clips the run of {@code model} trained on, opened again from its config. */
    public static ClipSource realClips(GanModel model) {
        ConfigException.check(model.video(), "this run (" + model.config().model().name() + ") does not make clips");
        return ClipSources.open(model.config().data().source(), MoCoGanConfig.of(model.config()).motion());
    }

    /** Real clips made like the training clips but not trained on (the other split), or null for a user's clips. */
    public static ClipSource heldOutClips(GanModel model) {
        String source = model.config().data().source();
        if (!ClipSources.isMovingFashionMnist(source)) {
            return null;
        }
        String other = source.endsWith(":test") ? ClipSources.MOVING_FASHION_MNIST
                : ClipSources.MOVING_FASHION_MNIST + ":test";
        return ClipSources.open(other, MoCoGanConfig.of(model.config()).motion());
    }

    /**
     * {@code count} clips of seed {@code seed} scored with the built-in video features; {@code seed} also seeds the
     * shuffled baseline.
     */
    public static VideoReport evaluate(GanModel model, int count, long seed) throws IOException {
        try (ClipFeatures features = ClipFeatures.builtin()) {
            return evaluate(model, count, seed, features);
        }
    }

    /** As {@link #evaluate(GanModel, int, long)} in the features of {@code features}. */
    public static VideoReport evaluate(GanModel model, int count, long seed, ClipFeatures features)
            throws IOException {
        ClipSource real = realClips(model);
        checkCount(count, features, real);
        Clips generated = model.sampleClips(count, seed);
        ClipSource heldOut = heldOutClips(model);
        try (ClassifierFeatures classifier = classifier(model)) {
            return VideoReport.compute(real.head(count), heldOut == null ? null : heldOut.head(count), generated,
                    features, classifier, seed);
        }
    }

    /**
     * The run's held-out real clips scored as if the model had made them: the figures a model should reach. Needs
     * moving Fashion-MNIST, which has a held-out split.
     */
    public static VideoReport real(GanModel model, int count, long seed, ClipFeatures features) throws IOException {
        ClipSource real = realClips(model);
        ClipSource heldOut = heldOutClips(model);
        ConfigException.check(heldOut != null, real.name() + ": a user's clips have no held-out split to score");
        checkCount(count, features, real);
        try (ClassifierFeatures classifier = classifier(model)) {
            return VideoReport.real(real.head(count), heldOut.head(count), features, classifier, seed);
        }
    }

    /** The built-in Fashion-MNIST classifier for moving Fashion-MNIST runs; null (no content figures) otherwise. */
    private static ClassifierFeatures classifier(GanModel model) throws IOException {
        return ClipSources.isMovingFashionMnist(model.config().data().source()) ? ClassifierFeatures.builtin() : null;
    }

    private static void checkCount(int count, ClipFeatures features, ClipSource real) {
        // A TorchScript network's dimension is known only after its first batch (0 before): then 2 is the floor.
        int min = Math.max(2, features.dim() + 1);
        ConfigException.check(count >= min && count <= 100_000, "the number of clips must be in " + min + "..100000 "
                + "(a Fréchet distance in " + features.name() + "'s " + (features.dim() > 0 ? features.dim() + "-d "
                : "") + "features needs a full-rank covariance), got " + count);
        ConfigException.check(real.size() >= count, real.name() + " has " + real.size() + " clips, fewer than the "
                + count + " to score against");
    }
}
