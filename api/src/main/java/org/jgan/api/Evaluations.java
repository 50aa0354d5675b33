package org.jgan.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.stats.StatsWriter;
import org.jgan.core.train.Checkpoints;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.RunDir;
import org.jgan.metrics.ConditionalAccuracy;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.WithinClassDiversity;
import org.jgan.metrics.eval.EvalRecord;
import org.jgan.metrics.eval.EvalResult;
import org.jgan.metrics.eval.Evaluator;
import org.jgan.metrics.eval.FeatureCache;
import org.jgan.metrics.eval.RealFloor;
import org.jgan.metrics.eval.Reference;
import org.jgan.metrics.eval.References;
import org.jgan.metrics.features.Extractors;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.GeneratorSource;
import org.jgan.metrics.source.ImageSource;
import org.jgan.models.RunGenerator;

/** The one evaluation pipeline behind {@link GanModel#evaluate} and {@link Jgan#evaluateImages}. */
final class Evaluations {
    private Evaluations() {
    }

    /** The figures of one evaluation, before they become a record. */
    record Scored(EvalResult metrics, Double classAccuracy, WithinClassDiversity withinClass, Double floorFid,
                  WithinClassDiversity withinGroup) {
    }

    /**
     * {@link GanModel#evaluate}: the run's generator scored against {@code e}'s reference (its data's test split by
     * default), by prompts drawn from the test captions for a text-conditioned run; the record is appended to the
     * run's metrics.jsonl when {@code e.record()}.
     */
    static EvalRecord ofRun(RunGenerator generator, Path runDir, Evaluation e, boolean textConditioned)
            throws IOException {
        Scored s;
        org.jgan.metrics.text.TextScores text = null;
        Path checkpoint = generator.checkpoint();
        if (textConditioned) {
            TextEvaluation.Result r = TextEvaluation.evaluate(generator, runDir, e);
            s = r.scored();
            text = r.text();
        } else {
            String refSpec = e.reference() != null ? e.reference()
                    : References.defaultFor(generator.config().data().source());
            DataShape shape = generator.shape();
            try (GeneratorSource src = new GeneratorSource(generator.generator(), runDir + "@"
                    + checkpoint.getFileName(), generator.latentDim(), shape, e.samples(), e.seed())) {
                int k = Math.max(1, shape.numClasses());
                s = score(src, generator.conditional() ? i -> i % k : null, shape.numClasses(), refSpec, e);
            }
        }
        EvalRecord rec = new EvalRecord(Checkpoints.readState(checkpoint).step(),
                checkpoint.getFileName().toString(), generator.ema(), s.metrics(), s.classAccuracy(),
                s.withinClass(), null, null, s.floorFid(), text, e.seed(), System.currentTimeMillis() / 1000.0);
        if (e.record()) {
            try (StatsWriter w = new StatsWriter(new RunDir(runDir).metricsFile())) {
                w.write(rec.toMap());
            }
        }
        return rec;
    }

    /**
     * Scores {@code fake} against {@code refSpec} as {@code e} says: every metric, the class accuracy when
     * {@code labelOf} gives image i's class (and the features have a classifier head with {@code classes} classes),
     * the within-class diversity when {@code labelOf} is given and the reference is labelled, and the real-data floor
     * when the reference is a test split. Features of real data are cached.
     */
    static Scored score(ImageSource fake, IntUnaryOperator labelOf, int classes, String refSpec, Evaluation e)
            throws IOException {
        return score(fake, labelOf, classes, refSpec, e, null, null);
    }

    /**
     * As {@link #score(ImageSource, IntUnaryOperator, int, String, Evaluation)}, plus the within-group diversity when
     * {@code groupOf} gives image i's group and {@code refGroups} the group of each reference image (text2image: the
     * caption, so the generated images of a prompt are compared with the real images that share it).
     */
    static Scored score(ImageSource fake, IntUnaryOperator labelOf, int classes, String refSpec, Evaluation e,
                        IntUnaryOperator groupOf, int[] refGroups) throws IOException {
        FeatureCache cache = FeatureCache.defaultCache();
        try (FeatureExtractor fx = Extractors.open(e.features())) {
            ImageDataset refData = DataSources.open(refSpec);
            Reference ref = cache.reference(fx, refData);
            Double floor = null;
            if (e.floor() && refSpec.endsWith(":test")) {
                ImageDataset train = DataSources.open(References.trainSplitOf(refSpec));
                floor = RealFloor.compute(fx, cache, train, refData, ref, Math.min(e.samples(), train.size())).fid();
            }
            long t0 = System.nanoTime();
            FeatureSet features = FeatureRunner.extract(fx, fake);
            EvalResult r = Evaluator.evaluate(features, ref, e.seed(), t0);
            Double accuracy = labelOf != null && features.hasProbs() && features.classes() == classes
                    ? ConditionalAccuracy.of(features, labelOf) : null;
            // The reference's features are those of all its images in order (FeatureCache), so its labels line up.
            WithinClassDiversity within = labelOf != null && refData.labelled()
                    ? WithinClassDiversity.of(features, labelOf, ref.features(), refData.labels()) : null;
            WithinClassDiversity group = groupOf != null
                    ? WithinClassDiversity.of(features, groupOf, ref.features(), refGroups) : null;
            return new Scored(r, accuracy, within, floor, group);
        }
    }
}
