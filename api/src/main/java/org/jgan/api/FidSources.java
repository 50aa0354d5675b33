package org.jgan.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataSources;
import org.jgan.metrics.Fid;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.eval.FeatureCache;
import org.jgan.metrics.features.Extractors;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.GeneratorSource;
import org.jgan.models.RunGenerator;

/**
 * The sources {@link Jgan#fid} and {@link Jgan#stats} take: a {@code .npz} of statistics (pytorch-fid's layout), a run
 * folder, optionally {@code RUN@CHECKPOINT}, whose generator is sampled, or any data spec (IDX file or folder, image
 * folder, {@code fashion-mnist:test}). Features of data sets go through the feature cache.
 */
final class FidSources {
    private static final System.Logger LOG = System.getLogger(FidSources.class.getName());

    private FidSources() {
    }

    /** The FID between {@code a} and {@code b}; one feature network serves both (none when both are statistics). */
    static FidComparison fid(String a, String b, FidOptions o) throws IOException {
        FidStats sa;
        FidStats sb;
        if (isStats(a) && isStats(b)) {
            sa = FidStats.load(Path.of(a));
            sb = FidStats.load(Path.of(b));
        } else {
            try (FeatureExtractor fx = Extractors.open(o.features())) {
                sa = stats(a, fx, o);
                sb = stats(b, fx, o);
            }
        }
        return new FidComparison(a, sa, b, sb, Fid.distance(sa, sb));
    }

    /** The statistics of the images of {@code source}, which must not be a statistics file itself. */
    static FidStats stats(String source, FidOptions o) throws IOException {
        if (isStats(source)) {
            throw new ConfigException(source + ": is already a statistics file; give images or a run");
        }
        try (FeatureExtractor fx = Extractors.open(o.features())) {
            return stats(source, fx, o);
        }
    }

    private static boolean isStats(String source) {
        return source.toLowerCase(Locale.ROOT).endsWith(".npz");
    }

    /**
     * Refuses a run whose generator does not make images from seeds alone: its rows, windows, clips or word ids would
     * reach the feature network as malformed images and fail there with a shape error that names neither.
     */
    private static void requireImagesFromSeeds(Path run, GanModel m) {
        String model = m.config().model().name();
        if (!m.makes().equals(GanModel.IMAGES)) {
            throw new ConfigException(run + ": this run (" + model + ") makes " + m.makes() + ", not images; FID "
                    + "statistics describe images");
        }
        if (m.textConditioned()) {
            throw new ConfigException(run + ": this run (" + model + ") draws images from sentences, not from seeds "
                    + "alone: generate images from prompts (generate) and give their folder");
        }
    }

    /** Statistics of {@code source}: read from an .npz, or computed from the features of its images. */
    private static FidStats stats(String source, FeatureExtractor fx, FidOptions o) throws IOException {
        if (isStats(source)) {
            return FidStats.load(Path.of(source));
        }
        int at = source.lastIndexOf('@');
        Path run = Path.of(at > 0 ? source.substring(0, at) : source);
        if (Files.isRegularFile(run.resolve("config.json"))) {
            try (GanModel m = new GanModel(run, RunGenerator.load(run, at > 0 ? source.substring(at + 1) : null,
                    o.ema()))) {
                requireImagesFromSeeds(run, m);
                RunGenerator rg = m.generator();
                try (GeneratorSource src = new GeneratorSource(rg.generator(), run + "@"
                        + rg.checkpoint().getFileName(), rg.latentDim(), rg.shape(), o.samples(), o.seed())) {
                    // e.g. a damaged newest checkpoint passed over: the caller sees it in its log
                    rg.warnings().forEach(w -> LOG.log(System.Logger.Level.WARNING, w));
                    return FidStats.of(FeatureRunner.extract(fx, src));
                }
            }
        }
        return FidStats.of(FeatureCache.defaultCache().features(fx, DataSources.open(source), 0));
    }
}
