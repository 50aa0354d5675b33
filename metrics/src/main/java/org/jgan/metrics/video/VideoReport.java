package org.jgan.metrics.video;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.clips.Clips;
import org.jgan.core.train.AtomicFiles;
import org.jgan.core.train.Seeds;
import org.jgan.metrics.FeatureMoments;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.Fid;
import org.jgan.metrics.features.ClassifierFeatures;

/**
 * How good generated clips are, as a video GAN (MoCoGAN, Tulyakov et al. 2018) should be judged on moving
 * Fashion-MNIST: content kept across frames ({@link ContentConsistency}), motion like the real motion ({@link Motion},
 * compared by {@link KolmogorovSmirnov}), and a Fréchet distance in the features of a video network (FVD, Unterthiner
 * et al. 2018; {@link ClipFeatures}) beside the baselines that bracket it: held-out real clips below, the generated
 * clips shuffled in time and with their first frame repeated above ({@link ClipVariants}). "Real" figures are of the
 * held-out clips when there are some, else of the reference clips. Definitions: docs/video-metrics.md.
 *
 * @param generated              the scored clips' name
 * @param reference              the real clips everything is compared with (the training clips)
 * @param heldOut                real clips not trained on, or null
 * @param features               the video feature network's name
 * @param clips                  number of scored clips
 * @param seed                   seed of the shuffled baseline
 * @param realOnly               whether the scored clips are the held-out real clips themselves
 * @param contentConsistency     share of scored clips whose frames all get one class (NaN without a classifier)
 * @param frameAgreement         mean share of a scored clip's frames in its most frequent class
 * @param realContentConsistency the same for real clips
 * @param realFrameAgreement     the same for real clips
 * @param meanSpeed              mean speed of the scored clips' centre of mass, pixels per frame
 * @param realMeanSpeed          the same for real clips
 * @param speedKs                KS statistic of the scored clips' speeds against the reference clips'
 * @param directionKs            KS statistic of the direction changes (NaN when either set has none)
 * @param realSpeedKs            KS statistic of the held-out clips' speeds against the reference clips' (NaN without)
 * @param realDirectionKs        the same for direction changes
 * @param staticShare            share of the scored clips that are static
 * @param realStaticShare        the same for real clips
 * @param speedHistogram         share of the scored clips' speeds per {@link Motion#SPEED_BIN} pixels per frame
 * @param realSpeedHistogram     the same for the reference clips
 * @param fdHeldOut              Fréchet distance of the held-out clips to the reference clips (NaN without)
 * @param fd                     of the scored clips
 * @param fdShuffled             of the scored clips shuffled in time
 * @param fdRepeated             of the scored clips with their first frame repeated
 * @param classMatch             share of the scored clips' frames classified as the clip's label (the class a
 *                               conditional model was asked for); NaN for unlabelled clips or without a classifier
 * @param realClassMatch         the same for real clips: the classifier's accuracy on real frames
 */
public record VideoReport(String generated, String reference, String heldOut, String features, int clips, long seed,
                          boolean realOnly, double contentConsistency, double frameAgreement,
                          double realContentConsistency, double realFrameAgreement, double meanSpeed,
                          double realMeanSpeed, double speedKs, double directionKs, double realSpeedKs,
                          double realDirectionKs, double staticShare, double realStaticShare, double[] speedHistogram,
                          double[] realSpeedHistogram, double fdHeldOut, double fd, double fdShuffled,
                          double fdRepeated, double classMatch, double realClassMatch) {
    /** Goal: at least this share of clips keep one class in every frame. */
    public static final double CONTENT_GOAL = 0.85;
    /** Goal: the speeds' KS statistic against real clips at most this. */
    public static final double SPEED_KS_GOAL = 0.2;
    /** Goal: at most this share of static clips. */
    public static final double STATIC_GOAL = 0.05;

    /**
     * Scores {@code generated} against {@code reference} (real clips of the same shape), with {@code heldOut} (may be
     * null) as the real-versus-real floor. {@code classifier} (may be null: no content figures) classifies frame
     * crops; {@code seed} seeds the shuffled baseline. Each set needs more clips than the features have dimensions.
     */
    public static VideoReport compute(Clips reference, Clips heldOut, Clips generated, ClipFeatures features,
                                      ClassifierFeatures classifier, long seed) {
        return compute(reference, heldOut, generated, features, classifier, seed, false);
    }

    /** Scores the held-out real clips as if a model had made them: the figures a model should reach. */
    public static VideoReport real(Clips reference, Clips heldOut, ClipFeatures features,
                                   ClassifierFeatures classifier, long seed) {
        return compute(reference, heldOut, heldOut, features, classifier, seed, true);
    }

    private static VideoReport compute(Clips reference, Clips heldOut, Clips generated, ClipFeatures features,
                                       ClassifierFeatures classifier, long seed, boolean realOnly) {
        sameShape(reference, generated);
        if (heldOut != null) {
            sameShape(reference, heldOut);
        }
        Clips real = heldOut != null ? heldOut : reference;
        Motion refMotion = Motion.of(reference);
        Motion genMotion = Motion.of(generated);
        Motion realMotion = heldOut != null ? Motion.of(heldOut) : refMotion;
        ContentConsistency gen = classifier == null ? null : ContentConsistency.of(generated, classifier);
        ContentConsistency realContent = classifier == null ? null
                : realOnly ? gen : ContentConsistency.of(real, classifier);
        FidStats ref = stats(features, reference);
        double fdHeldOut = heldOut == null ? Double.NaN : Fid.distance(stats(features, heldOut), ref);
        double fd = realOnly ? fdHeldOut : Fid.distance(stats(features, generated), ref);
        Clips shuffled = ClipVariants.shuffledInTime(generated, Seeds.derive(seed, "video-report-shuffled", 0));
        double fdShuffled = Fid.distance(stats(features, shuffled), ref);
        double fdRepeated = Fid.distance(stats(features, ClipVariants.repeatedFirstFrame(generated)), ref);
        return new VideoReport(generated.name(), reference.name(), heldOut == null ? null : heldOut.name(),
                features.name(), generated.size(), seed, realOnly,
                gen == null ? Double.NaN : gen.consistent(), gen == null ? Double.NaN : gen.agreement(),
                realContent == null ? Double.NaN : realContent.consistent(),
                realContent == null ? Double.NaN : realContent.agreement(),
                genMotion.meanSpeed(), realMotion.meanSpeed(),
                ks(genMotion.speeds(), refMotion.speeds(), genMotion, refMotion),
                ks(genMotion.directionChanges(), refMotion.directionChanges(), genMotion, refMotion),
                heldOut == null ? Double.NaN : ks(realMotion.speeds(), refMotion.speeds(), realMotion, refMotion),
                heldOut == null ? Double.NaN
                        : ks(realMotion.directionChanges(), refMotion.directionChanges(), realMotion, refMotion),
                genMotion.staticShare(), realMotion.staticShare(), genMotion.speedHistogram(),
                refMotion.speedHistogram(), fdHeldOut, fd, fdShuffled, fdRepeated,
                gen == null ? Double.NaN : gen.classMatch(),
                realContent == null ? Double.NaN : realContent.classMatch());
    }

    /**
     * The goals a video model on moving Fashion-MNIST is held to ({@link #CONTENT_GOAL}, {@link #SPEED_KS_GOAL},
     * {@link #STATIC_GOAL} and the order of the Fréchet distances), each with its measured value and whether it is
     * met.
     */
    @JsonProperty("goals")
    public List<VideoGoal> goals() {
        return List.of(
                VideoGoal.of("content consistency", ">= " + pct(CONTENT_GOAL) + " of clips",
                        contentConsistency * 100, "%.1f%%", contentConsistency >= CONTENT_GOAL),
                VideoGoal.of("speed KS statistic", "<= " + SPEED_KS_GOAL, speedKs, "%.3f", speedKs <= SPEED_KS_GOAL),
                VideoGoal.of("static clips", "<= " + pct(STATIC_GOAL) + " of clips", staticShare * 100, "%.1f%%",
                        staticShare <= STATIC_GOAL),
                ordering());
    }

    /**
     * The Fréchet distances in the order they must rise (issue 19's chain): held-out real clips (when there are some),
     * then the scored clips, then the scored clips shuffled in time, then their first frame repeated. A clip with no
     * motion at all ranks last: shuffled frames keep every frame's content and some motion, a held frame none.
     */
    private VideoGoal ordering() {
        String shown = String.format("held-out %.3g, %s %.3g, shuffled %.3g, repeated %.3g", fdHeldOut,
                realOnly ? "scored" : "model", fd, fdShuffled, fdRepeated);
        String target = "shuffled in time < first frame repeated";
        boolean withHeldOut = !realOnly && heldOut != null;
        String first = realOnly ? "held-out real" : withHeldOut ? "held-out real < model" : "model";
        boolean met = withHeldOut ? rising(fdHeldOut, fd, fdShuffled, fdRepeated) : rising(fd, fdShuffled, fdRepeated);
        return new VideoGoal("Fréchet distance ordering", first + " < " + target, shown, met);
    }

    /** Whether every value is finite and each is below the next. */
    private static boolean rising(double... values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || i > 0 && !(values[i - 1] < values[i])) {
                return false;
            }
        }
        return true;
    }

    private static String pct(double share) {
        return String.format("%.0f%%", share * 100);
    }

    private static double ks(double[] a, double[] b, Motion ma, Motion mb) {
        return a.length == 0 || b.length == 0 ? Double.NaN
                : KolmogorovSmirnov.statistic(a, ma.source(), b, mb.source());
    }

    private static FidStats stats(ClipFeatures features, Clips clips) {
        return FeatureMoments.of(features.extract(clips)).toFidStats(clips.name());
    }

    private static void sameShape(Clips a, Clips b) {
        if (a.channels() != b.channels() || a.frames() != b.frames() || a.height() != b.height()
                || a.width() != b.width()) {
            throw new DataException(b.name() + ": clips of " + shape(b) + " cannot be compared with " + a.name()
                    + "'s " + shape(a) + " (channels x frames x height x width)");
        }
    }

    private static String shape(Clips c) {
        return c.channels() + "x" + c.frames() + "x" + c.height() + "x" + c.width();
    }

    /** The figures as indented JSON (NaN, where a figure is not measured, is written as the string "NaN"). */
    public String toJson() {
        try {
            return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@link #toJson} to {@code file}, whole or not at all. */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson() + "\n");
    }
}
