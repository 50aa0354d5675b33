package org.jgan.api;

import org.jgan.core.config.ConfigException;

/**
 * What an evaluation compares and how: the real data, the number of generated samples, their seed, the feature
 * network, and whether the result is recorded in the run's metrics.jsonl. Immutable; each setter returns a copy.
 *
 * <pre>{@code
 * EvalReport r = model.evaluate(Evaluation.against("fashion-mnist:test").samples(10_000));
 * }</pre>
 *
 * @param reference data spec of the real images (fashion-mnist:test, a folder, an IDX file); null: the test split of
 *                  the run's training data, else the training data itself
 * @param samples   generated images to draw (at least 2; 10,000 is the usual FID protocol of Heusel et al. 2017)
 * @param seed      latent seed of the generated images
 * @param features  feature network: classifier:builtin (default, null), inception:PATH or classifier:PATH
 * @param floor     also compute the real-data floor (train split against test split) when the reference is a test
 *                  split, cached after the first time
 * @param record    append the result to the run's metrics.jsonl (as {@code jgan eval} does)
 */
public record Evaluation(String reference, int samples, long seed, String features, boolean floor, boolean record) {
    public Evaluation {
        ConfigException.check(samples >= 2, "an evaluation needs at least 2 generated samples, got " + samples);
    }

    /** 10,000 samples of seed 0 against the default reference, built-in features, floor and record on. */
    public static Evaluation defaults() {
        return new Evaluation(null, 10_000, 0, null, true, true);
    }

    /** The defaults against {@code reference}. */
    public static Evaluation against(String reference) {
        return defaults().reference(reference);
    }

    /** A copy comparing with {@code spec}. */
    public Evaluation reference(String spec) {
        return new Evaluation(spec, samples, seed, features, floor, record);
    }

    /** A copy drawing {@code n} generated samples. */
    public Evaluation samples(int n) {
        return new Evaluation(reference, n, seed, features, floor, record);
    }

    /** A copy with latent seed {@code s}. */
    public Evaluation seed(long s) {
        return new Evaluation(reference, samples, s, features, floor, record);
    }

    /** A copy using the feature network {@code spec}. */
    public Evaluation features(String spec) {
        return new Evaluation(reference, samples, seed, spec, floor, record);
    }

    /** A copy that does ({@code true}) or does not compute the real-data floor. */
    public Evaluation floor(boolean on) {
        return new Evaluation(reference, samples, seed, features, on, record);
    }

    /** A copy that does ({@code true}) or does not append its result to metrics.jsonl. */
    public Evaluation record(boolean on) {
        return new Evaluation(reference, samples, seed, features, floor, on);
    }
}
