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

    /** Categorical static features come back as exact codes (the nearest one), so CSV and reports see labels. */
    public static SeriesWindows sample(RunGenerator generator, Path runDir, int n, long seed) {
        SeriesData.Scaling s = SeriesData.readScaling(runDir);
        float[] raw = generator.generateRaw(n, seed, null);
        return new SeriesWindows("generated", s.names(), s.steps(), SeriesData.unscale(raw, s.min(), s.max()),
                s.statics(), s.categories()).snapped();
    }
}
