package org.jgan.models.timegan;

import java.nio.file.Path;
import java.util.List;
import org.jgan.models.RunGenerator;

/**
 * Windows from a trained {@link TimeGan} run, in the data's own units (the run's saved scaling undone): {@code n}
 * windows from latent seed {@code seed}, the same for the same seed.
 */
public final class SeriesSampler {
    private SeriesSampler() {
    }

    @SuppressWarnings("unchecked")
    public static SeriesWindows sample(RunGenerator generator, Path runDir, int n, long seed) {
        Object[] s = SeriesData.readScaling(runDir);
        List<String> names = (List<String>) s[0];
        float[] raw = generator.generateRaw(n, seed, null);
        return new SeriesWindows("generated", names, (Integer) s[3], SeriesData.unscale(raw, (float[]) s[1],
                (float[]) s[2]));
    }
}
