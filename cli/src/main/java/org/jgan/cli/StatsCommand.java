package org.jgan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.core.config.ConfigException;
import org.jgan.engine.Torch;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.features.Extractors;
import org.jgan.metrics.features.FeatureExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgan stats}: FID statistics (mu, sigma) of a source, in pytorch-fid's .npz layout. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Write the FID statistics (mu, sigma) of a source as a pytorch-fid style .npz.",
                "SOURCE: an IDX file or folder, an image folder, fashion-mnist[:test], or a run folder (sampled)."})
public final class StatsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "Images to describe.")
    String source;

    @Option(names = "--out", required = true, description = "The .npz file to write.")
    Path out;

    @Option(names = "--features", description = "classifier:builtin (default), inception:PATH or classifier:PATH.")
    String features;

    @Option(names = "--count", defaultValue = "10000", description = "Samples to draw from a run (default: "
            + "${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Latent seed for a run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-ema", description = "Sample a run's raw generator even when EMA weights exist.")
    boolean noEma;

    @Override
    public Integer call() throws Exception {
        if (EvalSources.isStats(source)) {
            throw new ConfigException(source + ": is already a statistics file; give images or a run");
        }
        if (count < 2) {
            throw new ConfigException("--count must be at least 2, got " + count);
        }
        Torch.init();
        try (FeatureExtractor fx = Extractors.open(features)) {
            FidStats s = EvalSources.stats(source, fx, count, seed, !noEma);
            FidStats.sampleWarning(source, s.count()).ifPresent(System.err::println);
            s.save(out);
            System.out.printf("%s: mu [%d], sigma [%d, %d] from %d images (%s) -> %s%n", source, s.dim(), s.dim(),
                    s.dim(), s.count(), fx.name(), out);
        }
        return 0;
    }
}
