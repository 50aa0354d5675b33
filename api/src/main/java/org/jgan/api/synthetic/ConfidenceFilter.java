package org.jgan.api.synthetic;

import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageDataset;

/**
 * Keeps only generated images that a {@link ConfidenceJudge} puts in their intended class with at least a minimum
 * probability, drawing further rounds of latents until every class is full, and giving up with an error naming the
 * class that fell short after a fixed number of rounds.
 */
public final class ConfidenceFilter {
    /** Rounds of drawing before giving up; each round draws {@code perClass} candidates of every class. */
    public static final int DEFAULT_ROUNDS = 20;
    // A prime step between rounds' seeds, so round r's latents are not those of another seed's round.
    private static final long ROUND_SEED_STEP = 7919L;
    private final double minConfidence;
    private final int maxRounds;

    /**
     * A filter that gives up after {@value #DEFAULT_ROUNDS} rounds.
     *
     * @param minConfidence the least probability of the intended class an image needs, in [0, 1)
     * @throws ConfigException when {@code minConfidence} is out of range
     */
    public ConfidenceFilter(double minConfidence) {
        this(minConfidence, DEFAULT_ROUNDS);
    }

    /**
     * A filter that gives up after {@code maxRounds} rounds.
     *
     * @param minConfidence the least probability of the intended class an image needs, in [0, 1)
     * @param maxRounds     rounds of drawing before giving up, at least 1
     * @throws ConfigException when either is out of range
     */
    public ConfidenceFilter(double minConfidence, int maxRounds) {
        if (!(minConfidence >= 0 && minConfidence < 1)) {
            throw new ConfigException("the minimum confidence must be in [0, 1), got " + minConfidence);
        }
        if (maxRounds < 1) {
            throw new ConfigException("the confidence filter needs at least 1 round, got " + maxRounds);
        }
        this.minConfidence = minConfidence;
        this.maxRounds = maxRounds;
    }

    /** The least probability of the intended class a kept image has. */
    public double minConfidence() {
        return minConfidence;
    }

    /**
     * {@code perClass} images of every class of {@code generator}, class by class, each judged by {@code judge} to
     * be of its class with at least {@link #minConfidence()}. Round {@code r} draws {@code perClass} candidates of
     * every class from seed {@code seed + 7919 r}; the first candidates of a class that pass fill it.
     *
     * @throws ConfigException when the judge's classes are not the generator's, or a class is still short after
     *                         the last round
     */
    public FilteredSet generate(LabelledGenerator generator, ConfidenceJudge judge, int perClass, long seed) {
        int k = generator.classNames().size();
        if (judge.classes() != k) {
            throw new ConfigException(judge.name() + " tells " + judge.classes() + " classes apart, but "
                    + generator.name() + " makes " + k + " classes " + generator.classNames());
        }
        int[] labels = SyntheticSets.classByClass(generator, perClass);
        int per = generator.channels() * generator.height() * generator.width();
        byte[] px = new byte[labels.length * per];
        int[] filled = new int[k];
        int drawn = 0;
        for (int round = 0; round < maxRounds && min(filled) < perClass; round++) {
            ImageDataset candidates = SyntheticSets.dataset(generator,
                    generator.generate(labels.length, seed + round * ROUND_SEED_STEP, i -> i / perClass), labels);
            drawn += labels.length;
            double[] conf = judge.confidence(candidates);
            if (conf.length != labels.length) {
                throw new IllegalStateException(judge.name() + " gave " + conf.length + " confidences for "
                        + labels.length + " images");
            }
            for (int i = 0; i < labels.length; i++) {
                int c = labels[i];
                if (filled[c] < perClass && conf[i] >= minConfidence) {
                    System.arraycopy(candidates.pixels(), i * per, px, (c * perClass + filled[c]) * per, per);
                    filled[c]++;
                }
            }
        }
        for (int c = 0; c < k; c++) {
            if (filled[c] < perClass) {
                throw new ConfigException("confidence filter: after " + drawn + " images drawn, class "
                        + generator.classNames().get(c) + " has only " + filled[c] + " of " + perClass + " images "
                        + "that " + judge.name() + " gives a probability of at least " + minConfidence
                        + "; lower the minimum confidence or train the generator longer");
            }
        }
        return new FilteredSet(SyntheticSets.dataset(generator, px, labels), drawn);
    }

    private static int min(int[] a) {
        int m = Integer.MAX_VALUE;
        for (int v : a) {
            m = Math.min(m, v);
        }
        return m;
    }
}
