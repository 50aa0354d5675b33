package org.jgan.models.timegan;

import java.nio.file.Path;
import org.jgan.models.RunGenerator;

/**
 * Windows from a trained {@link TimeGan} run, in the data's own units (the run's saved scaling undone): {@code n}
 * windows from latent seed {@code seed}, the same for the same seed.
 */
public final class SeriesSampler {
    private SeriesSampler() {
    }

    /**
     * Categorical static features come back as exact codes (the nearest one), so CSV and reports see labels; values
     * near a feature's point mass come back as the mass ({@link SeriesPointMasses}).
     */
    public static SeriesWindows sample(RunGenerator generator, Path runDir, int n, long seed) {
        SeriesData.Scaling s = SeriesData.readScaling(runDir);
        float[] v = SeriesData.unscale(generator.generateRaw(n, seed, null), s.min(), s.max());
        if (!s.masses().isEmpty()) {
            float[] reference = SeriesData.unscale(generator.generateRaw(SeriesPointMasses.REFERENCE,
                    SeriesPointMasses.REFERENCE_SEED, null), s.min(), s.max());
            v = s.masses().snap(v, reference, s.names().size());
        }
        return new SeriesWindows("generated", s.names(), s.steps(), v, s.statics(), s.categories()).snapped();
    }
}
