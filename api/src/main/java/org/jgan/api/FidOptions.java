package org.jgan.api;

import org.jgan.core.config.ConfigException;

/**
 * How {@link Jgan#fid} and {@link Jgan#stats} reduce a source to FID statistics: the feature network, and for a run
 * folder the number of samples drawn, their seed and which weights. Immutable; each setter returns a copy.
 *
 * @param samples  images to draw from a run (at least 2; 10,000 is the usual FID protocol of Heusel et al. 2017);
 *                 a data set is used whole
 * @param seed     latent seed of a run's samples
 * @param features feature network: classifier:builtin (default, null), inception:PATH or classifier:PATH
 * @param ema      sample a run's EMA weights when it has them
 */
public record FidOptions(int samples, long seed, String features, boolean ema) {
    public FidOptions {
        ConfigException.check(samples >= 2, "FID statistics need at least 2 samples, got " + samples);
    }

    /** 10,000 samples of seed 0, built-in features, EMA weights. */
    public static FidOptions defaults() {
        return new FidOptions(10_000, 0, null, true);
    }

    /** A copy drawing {@code n} samples from a run. */
    public FidOptions samples(int n) {
        return new FidOptions(n, seed, features, ema);
    }

    /** A copy with latent seed {@code s}. */
    public FidOptions seed(long s) {
        return new FidOptions(samples, s, features, ema);
    }

    /** A copy using the feature network {@code spec}. */
    public FidOptions features(String spec) {
        return new FidOptions(samples, seed, spec, ema);
    }

    /** A copy sampling runs' EMA weights ({@code true}, when they have them) or their raw generators. */
    public FidOptions ema(boolean on) {
        return new FidOptions(samples, seed, features, on);
    }
}
