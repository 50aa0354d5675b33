package org.jgan.metrics.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.Batches;
import org.jgan.core.data.DataException;
import org.jgan.core.data.clips.ClipBatches;
import org.jgan.core.data.clips.ClipSource;
import org.jgan.core.data.clips.ClipSources;
import org.jgan.core.data.clips.MotionSpec;
import org.jgan.core.train.Seeds;
import org.jgan.engine.Optimizers;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * Trains a {@link VideoFeatureNet}, jgan's stand-in for FVD's I3D (Unterthiner et al. 2018), on labelled clips with
 * recorded motion, so that it tells content from motion as MoCoGAN (Tulyakov et al. 2018) separates them:
 * cross-entropy on the class plus cross-entropy on the direction of the first displacement ({@value #DIRECTIONS} bins
 * of 45 degrees), Adam with cosine decay to 0, no augmentation (every moving Fashion-MNIST clip is already a fresh
 * position, speed and direction). The built-in network learns from clips moving up to {@value #TRAINING_MAX_SPEED}
 * pixels per frame, faster than the data's own 3: so the long jumps of a clip whose frames are out of order are not
 * wholly foreign to its motion filters, which otherwise extrapolate far past anything they were trained on
 * (docs/video-metrics.md).
 * Everything random (initial weights, clip order) comes from the seed, so the same seed, data and thread count give
 * the same weights.
 *
 * @param epochs passes over the training clips
 * @param clips  training clips used (the first ones of the source)
 * @param batch  clips per step
 * @param lr     peak learning rate
 * @param seed   root seed
 */
public record VideoFeatureTraining(int epochs, int clips, int batch, double lr, long seed) {
    /** Direction bins of the built-in network. */
    public static final int DIRECTIONS = 8;
    /** The fastest garment, in pixels per frame, of the clips the built-in network learns from. */
    public static final double TRAINING_MAX_SPEED = 5.0;
    /** The label of a clip whose first displacement is too short to have a direction: left out of that loss. */
    static final int NO_DIRECTION = -100;

    public VideoFeatureTraining {
        if (epochs < 1 || clips < 2 || batch < 2 || !(lr > 0)) {
            throw new ConfigException("video feature training: epochs >= 1, clips >= 2, batch >= 2 and lr > 0 are "
                    + "required, got " + epochs + ", " + clips + ", " + batch + ", " + lr);
        }
    }

    /** The settings that produced the built-in network. */
    public static VideoFeatureTraining defaults() {
        return new VideoFeatureTraining(3, 40_000, 32, 2e-3, 1);
    }

    /** Held-out accuracies: of the class, and of the direction bin over the clips that have one. */
    public record Accuracy(double classes, double directions) {
    }

    /**
     * How the built-in network's training clips move: those of {@link MotionSpec#standard} with speeds of 1 to
     * {@value #TRAINING_MAX_SPEED} pixels per frame.
     */
    public static MotionSpec trainingMotion() {
        MotionSpec s = MotionSpec.standard();
        return new MotionSpec(s.frames(), s.size(), s.garments(), s.minSpeed(), TRAINING_MAX_SPEED);
    }

    /**
     * Rebuilds the built-in network: {@link #defaults} on {@code moving-fashion-mnist} clips of
     * {@link #trainingMotion}, tested on {@code moving-fashion-mnist:test} clips of {@link MotionSpec#standard} (the
     * clips it will score), saved to {@code out}. Set libtorch's threads first: the weights are reproducible for a
     * given thread count.
     */
    public static Accuracy rebuild(Path out, Consumer<String> log) throws IOException {
        ClipSource train = ClipSources.open(ClipSources.MOVING_FASHION_MNIST, trainingMotion());
        ClipSource test = ClipSources.open(ClipSources.MOVING_FASHION_MNIST + ":test", MotionSpec.standard());
        try (VideoFeatureNet net = defaults().train(train, log)) {
            Accuracy a = accuracy(net, test);
            log.accept(String.format("held-out accuracy on %s: class %.4f, direction %.4f", test.name(), a.classes(),
                    a.directions()));
            VideoFeatureFile.save(net, a.classes(), a.directions(), out);
            return a;
        }
    }

    /** Trains on the first {@link #clips} clips of {@code train}, one log line per epoch; returns the network. */
    public VideoFeatureNet train(ClipSource train, Consumer<String> log) {
        if (!train.labelled() || train.classNames().size() < 2 || train.objects() < 1) {
            throw new DataException(train.name() + ": the video feature network learns from labelled clips with "
                    + "recorded motion (moving Fashion-MNIST); these clips have "
                    + (train.labelled() ? "" : "no labels")
                    + (!train.labelled() && train.objects() < 1 ? " and " : "")
                    + (train.objects() < 1 ? "no recorded trajectories" : ""));
        }
        int n = Math.min(clips, train.size());
        int steps = n / batch;
        if (steps < 1) {
            throw new DataException(train.name() + ": " + n + " clips make no full batch of " + batch);
        }
        torch.manual_seed(Seeds.derive(seed, "video-features-init", 0));
        VideoFeatureNet net = new VideoFeatureNet(new VideoNetShape(train.channels(), train.frames(), train.height(),
                train.width(), train.classNames().size(), DIRECTIONS));
        Adam opt = Optimizers.adam(net.parameters(true), lr, 0.9, 0.999);
        try {
            long total = (long) epochs * steps;
            long step = 0;
            net.train(true);
            for (int e = 0; e < epochs; e++) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "video-features-data", e));
                int[] order = Batches.permutation(n, rng);
                double lossSum = 0;
                long t0 = System.nanoTime();
                for (int b = 0; b < steps; b++, step++) {
                    Optimizers.setLr(opt, lr * 0.5 * (1 + Math.cos(Math.PI * step / total)));
                    try (StepScope scope = StepScope.open()) {
                        int[] idx = java.util.Arrays.copyOfRange(order, b * batch, (b + 1) * batch);
                        Tensor f = net.features(ClipBatches.clips(train, idx));
                        Tensor loss = torch.cross_entropy_loss(net.classLogits(f), ClipBatches.labels(train, idx))
                                .add(torch.cross_entropy_loss(net.directionLogits(f), directions(train, idx)));
                        opt.zero_grad(true);
                        loss.backward();
                        opt.step();
                        lossSum += loss.item_double();
                    }
                }
                log.accept(String.format("video features: epoch %d/%d  loss %.4f  (%.0f s)", e + 1, epochs,
                        lossSum / steps, (System.nanoTime() - t0) / 1e9));
            }
            net.eval();
            return net;
        } catch (RuntimeException ex) {
            net.close();
            throw ex;
        } finally {
            opt.close();
        }
    }

    /** Class and direction accuracy of {@code net} (in eval mode) on every clip of {@code data}. */
    public static Accuracy accuracy(VideoFeatureNet net, ClipSource data) {
        long classRight = 0;
        long dirRight = 0;
        long dirCount = 0;
        for (int from = 0; from < data.size(); from += 64) {
            int[] idx = java.util.stream.IntStream.range(from, Math.min(data.size(), from + 64)).toArray();
            try (StepScope scope = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
                Tensor f = net.features(ClipBatches.clips(data, idx));
                long[] cls = Tensors.toLongs(net.classLogits(f).argmax(new LongOptional(1), false));
                long[] dir = Tensors.toLongs(net.directionLogits(f).argmax(new LongOptional(1), false));
                for (int i = 0; i < idx.length; i++) {
                    classRight += cls[i] == data.label(idx[i]) ? 1 : 0;
                    int d = directionBin(data.trajectory(idx[i]), data.objects(), DIRECTIONS);
                    dirCount += d == NO_DIRECTION ? 0 : 1;
                    dirRight += d == dir[i] ? 1 : 0;
                }
            }
        }
        return new Accuracy((double) classRight / data.size(), dirCount == 0 ? Double.NaN
                : (double) dirRight / dirCount);
    }

    /** The direction bins of clips {@code idx} as int64 labels. */
    static Tensor directions(ClipSource source, int[] idx) {
        long[] out = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = directionBin(source.trajectory(idx[i]), source.objects(), DIRECTIONS);
        }
        return Tensors.fromLongs(out, idx.length);
    }

    /**
     * The bin of the first object's first displacement in a trajectory (frames x objects x 2): bin k holds angles
     * within half a bin of {@code k * 360 / bins} degrees, measured from +x towards +y (image rows grow downwards);
     * {@link #NO_DIRECTION} when the displacement is {@link Motion#MIN_STEP} pixels or shorter.
     */
    static int directionBin(float[] trajectory, int objects, int bins) {
        double dx = trajectory[objects * 2] - trajectory[0];
        double dy = trajectory[objects * 2 + 1] - trajectory[1];
        if (Math.hypot(dx, dy) <= Motion.MIN_STEP) {
            return NO_DIRECTION;
        }
        double turn = Math.atan2(dy, dx) / (2 * Math.PI) + 0.5 / bins;
        return Math.floorMod((int) Math.floor(turn * bins), bins);
    }
}
