package org.jgan.metrics.series;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.jgan.core.data.Batches;
import org.jgan.core.train.AtomicFiles;
import org.jgan.core.train.Seeds;

/**
 * How good synthetic series windows are, by TimeGAN's scores (Yoon et al. 2019; {@link TimeGanScores}), next to the
 * baseline of real windows shuffled in time (right values, no dynamics), so a user sees what the model adds over the
 * trivial answer. The real windows are split 80/20 (seeded): the predictive models are tested on the 20% every time,
 * trained on the other 80% (real on real, the floor), on the synthetic windows, or on the shuffled ones.
 *
 * @param realWindows            real windows scored against
 * @param syntheticWindows       synthetic windows scored
 * @param discriminative         |accuracy - 0.5| of a classifier of real against synthetic (0 is best)
 * @param discriminativeShuffled the same for the shuffled baseline
 * @param predictiveReal         MAE of next-step prediction trained on real windows (the floor)
 * @param predictive             trained on the synthetic windows
 * @param predictiveShuffled     trained on the shuffled baseline
 * @param seed                   seed of the splits, networks and baseline
 * @param statics                the static features' scores ({@link StaticScores}); empty when there are none
 * @param stepChanges            per temporal feature, how much the windows move from step to step against real ones
 *                               ({@link StepChanges}); empty when not computed
 * @param pairs                  per pair of temporal features, how they go together against real ones, the largest
 *                               gap first ({@link FeaturePairs}); empty when not computed
 */
public record SeriesReport(int realWindows, int syntheticWindows, double discriminative,
                           double discriminativeShuffled, double predictiveReal, double predictive,
                           double predictiveShuffled, long seed, List<StaticScore> statics,
                           List<StepChange> stepChanges, List<FeaturePair> pairs) {
    public SeriesReport {
        statics = List.copyOf(statics);
        stepChanges = List.copyOf(stepChanges);
        pairs = List.copyOf(pairs);
    }

    /** A report without static features (as reports were before them). */
    public SeriesReport(int realWindows, int syntheticWindows, double discriminative, double discriminativeShuffled,
                        double predictiveReal, double predictive, double predictiveShuffled, long seed) {
        this(realWindows, syntheticWindows, discriminative, discriminativeShuffled, predictiveReal, predictive,
                predictiveShuffled, seed, List.of(), List.of(), List.of());
    }

    /** This report with {@code scores} as its static features' scores. */
    public SeriesReport withStatics(List<StaticScore> scores) {
        return new SeriesReport(realWindows, syntheticWindows, discriminative, discriminativeShuffled, predictiveReal,
                predictive, predictiveShuffled, seed, scores, stepChanges, pairs);
    }

    /** This report with {@code changes} as its step-to-step changes. */
    public SeriesReport withStepChanges(List<StepChange> changes) {
        return new SeriesReport(realWindows, syntheticWindows, discriminative, discriminativeShuffled, predictiveReal,
                predictive, predictiveShuffled, seed, statics, changes, pairs);
    }

    /** This report with {@code featurePairs} as its pairs of features. */
    public SeriesReport withPairs(List<FeaturePair> featurePairs) {
        return new SeriesReport(realWindows, syntheticWindows, discriminative, discriminativeShuffled, predictiveReal,
                predictive, predictiveShuffled, seed, statics, stepChanges, featurePairs);
    }

    /** Scores {@code synthetic} against {@code real} (both in the data's units). */
    public static SeriesReport compute(Windows real, Windows synthetic, long seed) {
        return compute(real, synthetic, seed, TimeGanScores.CLASSIFIER_STEPS, TimeGanScores.PREDICTOR_STEPS);
    }

    /**
     * As {@link #compute(Windows, Windows, long)}, telling {@code progress} each of the post-hoc trainings as it starts
     * (on 1,000-odd windows of weather the report takes two minutes).
     */
    public static SeriesReport compute(Windows real, Windows synthetic, long seed,
                                       java.util.function.Consumer<String> progress) {
        return compute(real, synthetic, seed, TimeGanScores.CLASSIFIER_STEPS, TimeGanScores.PREDICTOR_STEPS,
                progress);
    }

    /** As {@link #compute(Windows, Windows, long)} with shorter training of the post-hoc networks (tests). */
    public static SeriesReport compute(Windows real, Windows synthetic, long seed, int classifierSteps,
                                       int predictorSteps) {
        return compute(real, synthetic, seed, classifierSteps, predictorSteps, stage -> { });
    }

    /** As above, with {@code progress} told each post-hoc training as it starts. */
    public static SeriesReport compute(Windows real, Windows synthetic, long seed, int classifierSteps,
                                       int predictorSteps, java.util.function.Consumer<String> progress) {
        if (real.steps() != synthetic.steps() || real.features() != synthetic.features()) {
            throw new IllegalArgumentException("synthetic windows of " + synthetic.steps() + " x "
                    + synthetic.features() + " cannot be scored against real ones of " + real.steps() + " x "
                    + real.features());
        }
        Windows r = real.scaledLike(real);
        Windows s = synthetic.scaledLike(real);
        Windows shuffled = r.shuffledInTime(Seeds.derive(seed, "shuffled", 0));
        int[] order = Batches.permutation(r.count(), new SplittableRandom(Seeds.derive(seed, "split", 0)));
        int cut = Math.max(1, (int) (r.count() * 0.8));
        Windows train = r.select(java.util.Arrays.copyOfRange(order, 0, cut));
        Windows test = r.select(java.util.Arrays.copyOfRange(order, cut, order.length));
        progress.accept("discriminative score: a classifier telling synthetic windows from real ones");
        double disc = TimeGanScores.discriminative(r, s, seed, classifierSteps);
        progress.accept("discriminative score of the real windows shuffled in time");
        double discShuffled = TimeGanScores.discriminative(r, shuffled, seed, classifierSteps);
        progress.accept("predictive score: next-step predictors trained on real, synthetic and shuffled windows");
        double predReal = TimeGanScores.predictive(train, test, seed, predictorSteps);
        double pred = TimeGanScores.predictive(s, test, seed, predictorSteps);
        double predShuffled = TimeGanScores.predictive(shuffled.select(java.util.Arrays.copyOfRange(order, 0, cut)),
                test, seed, predictorSteps);
        return new SeriesReport(real.count(), synthetic.count(), disc, discShuffled, predReal, pred, predShuffled,
                seed, List.of(), List.of(), List.of());
    }

    /** The scores as indented JSON. */
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
