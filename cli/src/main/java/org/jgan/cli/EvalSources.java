package org.jgan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.Checkpoints;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.eval.FeatureCache;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.GeneratorSource;
import org.jgan.models.RunGenerator;

/**
 * Resolves the SOURCE arguments of {@code jgan stats} and {@code jgan fid}: a {@code .npz} of statistics, a run folder
 * (optionally {@code RUN@CHECKPOINT}; its generator is sampled), or any data spec {@code --data} takes (IDX file or
 * folder, image folder, {@code fashion-mnist:test}). Features of data sets go through the feature cache.
 */
final class EvalSources {
    private EvalSources() {
    }

    static boolean isStats(String spec) {
        return spec.toLowerCase(java.util.Locale.ROOT).endsWith(".npz");
    }

    /** The run folder of {@code spec} (before an optional '@checkpoint'), or null when it is not a run. */
    static Path runDir(String spec) {
        int at = spec.lastIndexOf('@');
        Path p = Path.of(at > 0 ? spec.substring(0, at) : spec);
        return Files.isRegularFile(p.resolve("config.json")) ? p : null;
    }

    static String checkpointOf(String spec) {
        int at = spec.lastIndexOf('@');
        return at > 0 && runDir(spec) != null ? spec.substring(at + 1) : null;
    }

    /** Statistics of {@code spec}: read from an .npz, or computed from the features of its images. */
    static FidStats stats(String spec, FeatureExtractor fx, int count, long seed, boolean ema) throws IOException {
        if (isStats(spec)) {
            return FidStats.load(Path.of(spec));
        }
        return FidStats.of(features(spec, fx, count, seed, ema));
    }

    /** Features of the images of {@code spec}: {@code count} samples of a run, or all images of a data set. */
    static FeatureSet features(String spec, FeatureExtractor fx, int count, long seed, boolean ema)
            throws IOException {
        Path run = runDir(spec);
        if (run != null) {
            try (RunGenerator rg = RunOptions.load(run, checkpointOf(spec), ema);
                 GeneratorSource src = new GeneratorSource(rg.generator(), run + "@"
                         + rg.checkpoint().getFileName(), rg.latentDim(), rg.shape(), count, seed)) {
                return FeatureRunner.extract(fx, src);
            }
        }
        ImageDataset data = DataSources.open(spec);
        return FeatureCache.defaultCache().features(fx, data, 0);
    }

    /** Global step of a run's checkpoint, for the record. */
    static long step(Path checkpoint) throws IOException {
        return Checkpoints.readState(checkpoint).step();
    }
}
