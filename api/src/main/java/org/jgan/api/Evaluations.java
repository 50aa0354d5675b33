package org.jgan.api;

import java.io.IOException;
import java.util.function.IntUnaryOperator;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.metrics.ConditionalAccuracy;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.WithinClassDiversity;
import org.jgan.metrics.eval.EvalResult;
import org.jgan.metrics.eval.Evaluator;
import org.jgan.metrics.eval.FeatureCache;
import org.jgan.metrics.eval.RealFloor;
import org.jgan.metrics.eval.Reference;
import org.jgan.metrics.eval.References;
import org.jgan.metrics.features.Extractors;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.ImageSource;

/** The one evaluation pipeline behind {@link GanModel#evaluate} and {@link Jgan#evaluateImages}. */
final class Evaluations {
    private Evaluations() {
    }

    /** The figures of one evaluation, before they become a record. */
    record Scored(EvalResult metrics, Double classAccuracy, WithinClassDiversity withinClass, Double floorFid,
                  WithinClassDiversity withinGroup) {
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
