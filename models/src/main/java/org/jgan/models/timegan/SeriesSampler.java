package org.jgan.models.timegan;

import java.nio.file.Path;
import org.jgan.models.RunGenerator;

/**
 * Windows from a trained {@link TimeGan} run, in the data's own units (the run's saved scaling undone): {@code n}
 * windows from latent seed {@code seed}, the same for the same seed. One sampler reads the run's scaling and sets
 * the point masses' bands once, however many times it samples.
 */
public final class SeriesSampler {
    private final RunGenerator generator;
    private final SeriesData.Scaling scaling;
    /** Each point mass's band, from a fixed reference sample of this generator ({@link SeriesPointMasses}). */
    private final double[] bands;

    /** The sampler of the timegan run in {@code runDir} whose generator {@code generator} is. */
    public SeriesSampler(RunGenerator generator, Path runDir) {
        this.generator = generator;
        this.scaling = SeriesData.readScaling(runDir);
        this.bands = scaling.masses().isEmpty() ? new double[0] : scaling.masses().bands(SeriesData.unscale(
                generator.generateRaw(SeriesPointMasses.REFERENCE, SeriesPointMasses.REFERENCE_SEED, null),
                scaling.min(), scaling.max()), scaling.names().size());
    }

    /**
     * Categorical static features come back as exact codes (the nearest one), so CSV and reports see labels; values
     * near a feature's point mass come back as the mass ({@link SeriesPointMasses}).
     */
    public SeriesWindows sample(int n, long seed) {
        float[] v = SeriesData.unscale(generator.generateRaw(n, seed, null), scaling.min(), scaling.max());
        return new SeriesWindows("generated", scaling.names(), scaling.steps(), scaling.masses().snap(v, bands,
                scaling.names().size()), scaling.statics(), scaling.categories()).snapped();
    }
}
