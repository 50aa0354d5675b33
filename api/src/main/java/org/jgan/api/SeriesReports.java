package org.jgan.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.JsonFiles;
import org.jgan.core.train.AtomicFiles;
import org.jgan.metrics.series.FeaturePairs;
import org.jgan.metrics.series.SeriesReport;
import org.jgan.metrics.series.StaticScores;
import org.jgan.metrics.series.StepChanges;
import org.jgan.metrics.series.Windows;
import org.jgan.models.Variants;
import org.jgan.models.timegan.SeriesData;
import org.jgan.models.timegan.SeriesWindows;

/**
 * Scores a TimeGAN run's windows against the run's own training windows (TimeGAN's discriminative and predictive
 * scores, Yoon et al. 2019, beside real windows shuffled in time): {@link SeriesReport}.
 */
public final class SeriesReports {
    private SeriesReports() {
    }

    /** The real windows the run of {@code model} trained on, opened again from its config, in the data's units. */
    public static SeriesWindows trainingWindows(GanModel model) {
        ConfigException.check(model.series(), "this run (" + model.config().model().name() + ") has no series");
        var data = Variants.byName(model.config().model().name()).openTrainingData(model.config(), 0);
        return ((SeriesData) data).windows();
    }

    /** {@code count} windows of seed {@code seed} scored against the training windows; {@code seed} also seeds scoring. */
    public static SeriesReport evaluate(GanModel model, int count, long seed) {
        SeriesWindows real = trainingWindows(model);
        return score(real, model.sampleSeries(count, seed), seed);
    }

    /**
     * {@code synthetic} scored against {@code real}: TimeGAN's scores, the step-to-step changes of each temporal
     * feature ({@link StepChanges}), how each pair of them goes together ({@link FeaturePairs}) and, where the
     * windows have static features, theirs ({@link StaticScores}); {@code seed} seeds the scoring.
     */
    public static SeriesReport score(SeriesWindows real, SeriesWindows synthetic, long seed) {
        return score(real, synthetic, seed, stage -> { });
    }

    /** As {@link #score(SeriesWindows, SeriesWindows, long)}, telling {@code progress} each stage as it starts. */
    public static SeriesReport score(SeriesWindows real, SeriesWindows synthetic, long seed,
                                     java.util.function.Consumer<String> progress) {
        synthetic = synthetic.snapped();  // categorical statics as codes, whoever made the windows
        SeriesReport r = SeriesReport.compute(windows(real), windows(synthetic), seed, progress);
        progress.accept("step-to-step changes, pairs of features and static features");
        return r.withStatics(StaticScores.of(windows(real), windows(synthetic), real.features(), real.statics(),
                real.categories().keySet(), seed))
                .withStepChanges(StepChanges.of(windows(real), windows(synthetic), real.features(), real.statics(),
                        seed))
                .withPairs(FeaturePairs.of(windows(real), windows(synthetic), real.features(), real.statics()));
    }

    /**
     * {@code report} as JSON headed by where its windows came from: {@code checkpoint} (the folder's name, e.g.
     * step-005000) and {@code ema} (whether the EMA weights made them) of {@code model}, so a file read later says
     * which weights it scored even when it was made from 'latest' while training went on.
     */
    public static String json(SeriesReport report, GanModel model) {
        ObjectNode out = JsonFiles.JSON.createObjectNode();
        out.put("checkpoint", model.checkpoint().getFileName().toString());
        out.put("ema", model.ema());
        out.setAll((ObjectNode) JsonFiles.JSON.valueToTree(report));
        try {
            return JsonFiles.JSON.writeValueAsString(out) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);  // a tree of plain values always serialises
        }
    }

    /** {@link #json} written to {@code file}, whole or not at all. */
    public static void writeJson(SeriesReport report, GanModel model, Path file) throws IOException {
        AtomicFiles.writeString(file, json(report, model));
    }

    /** {@code w} as the metrics' {@link Windows}. */
    public static Windows windows(SeriesWindows w) {
        return new Windows(w.count(), w.steps(), w.features().size(), w.values());
    }
}
