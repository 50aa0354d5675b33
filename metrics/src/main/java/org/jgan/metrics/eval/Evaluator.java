package org.jgan.metrics.eval;

import org.jgan.metrics.ClassCoverage;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.Fid;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.InceptionScore;
import org.jgan.metrics.Kid;
import org.jgan.metrics.PrecisionRecall;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.ImageSource;

/** Computes every metric of generated images against a reference, sharing one pass of feature extraction. */
public final class Evaluator {
    private Evaluator() {
    }

    /** Extracts the features of {@code samples} and evaluates them against {@code ref}. */
    public static EvalResult evaluate(FeatureExtractor fx, ImageSource samples, Reference ref, long seed) {
        long t0 = System.nanoTime();
        FeatureSet fake = FeatureRunner.extract(fx, samples);
        return evaluate(fake, ref, seed, t0);
    }

    /** Evaluates already extracted features; {@code t0} is when the work started (System.nanoTime), for timing. */
    public static EvalResult evaluate(FeatureSet fake, Reference ref, long seed, long t0) {
        double fid = Fid.distance(FidStats.of(fake), ref.stats());
        Kid.Result kid = Kid.compute(ref.features(), fake, seed);
        PrecisionRecall.Result pr = PrecisionRecall.compute(ref.features(), ref.radii(), fake, PrecisionRecall.K);
        InceptionScore.Result is = fake.hasProbs() && fake.count() >= InceptionScore.SPLITS
                ? InceptionScore.compute(fake) : null;
        ClassCoverage cov = fake.hasProbs() ? ClassCoverage.of(fake) : null;
        return new EvalResult(fid, kid, is, pr, cov, fake.count(), fake.extractor(), ref.name(),
                ref.features().count(), (System.nanoTime() - t0) / 1e9);
    }
}
