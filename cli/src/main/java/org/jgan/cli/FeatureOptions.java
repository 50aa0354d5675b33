package org.jgan.cli;

import java.io.IOException;
import org.jgan.api.FidOptions;
import org.jgan.core.config.ConfigException;
import org.jgan.metrics.features.Extractors;
import picocli.CommandLine.Option;

/**
 * {@code --features}, {@code --count} and {@code --seed} of the commands that reduce images, or a run's samples, to
 * feature statistics ({@code eval}, {@code fid}, {@code stats}; a picocli mixin).
 */
final class FeatureOptions {
    @Option(names = "--features", description = "classifier:builtin (default), inception:PATH or classifier:PATH.")
    String features;

    @Option(names = "--count", defaultValue = "10000", description = "Samples to draw from a run (default: "
            + "${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Latent seed for sampling a run (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    /** Rejects a --count too small for a covariance, before any native work starts. */
    void checkCount() {
        if (count < 2) {
            throw new ConfigException("--count must be at least 2, got " + count);
        }
    }

    /** These options as the Java API's, sampling runs' EMA weights when {@code ema}. */
    FidOptions fidOptions(boolean ema) {
        return new FidOptions(count, seed, features, ema);
    }

    /** Opens the extractor --features names once, so a bad spec is refused naming the flag before any work. */
    void checkFeatures() throws IOException {
        Flags.named("--features", () -> {
            Extractors.open(features).close();
            return null;
        });
    }
}
