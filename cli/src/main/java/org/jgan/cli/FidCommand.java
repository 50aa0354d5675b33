package org.jgan.cli;

import java.util.concurrent.Callable;
import org.jgan.core.config.ConfigException;
import org.jgan.engine.Torch;
import org.jgan.metrics.Fid;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.features.Extractors;
import org.jgan.metrics.features.FeatureExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgan fid A B}: the Fréchet Inception Distance between two sources (Heusel et al. 2017). */
@Command(name = "fid", mixinStandardHelpOptions = true,
        description = {"Print the FID between two sources.",
                "Each SOURCE: a .npz of statistics (pytorch-fid's files load as they are), an IDX file or folder, an "
                        + "image folder, fashion-mnist[:test], or a run folder (RUN or RUN@CHECKPOINT; sampled)."})
public final class FidCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A")
    String a;

    @Parameters(index = "1", paramLabel = "B")
    String b;

    @Option(names = "--features", description = "classifier:builtin (default), inception:PATH or classifier:PATH.")
    String features;

    @Option(names = "--count", defaultValue = "10000", description = "Samples to draw from a run (default: "
            + "${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Latent seed for runs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-ema", description = "Sample runs' raw generators even when EMA weights exist.")
    boolean noEma;

    @Override
    public Integer call() throws Exception {
        if (count < 2) {
            throw new ConfigException("--count must be at least 2, got " + count);
        }
        Torch.init();
        FidStats sa;
        FidStats sb;
        if (EvalSources.isStats(a) && EvalSources.isStats(b)) {
            sa = FidStats.load(java.nio.file.Path.of(a));
            sb = FidStats.load(java.nio.file.Path.of(b));
        } else {
            try (FeatureExtractor fx = Extractors.open(features)) {
                sa = EvalSources.stats(a, fx, count, seed, !noEma);
                sb = EvalSources.stats(b, fx, count, seed, !noEma);
            }
        }
        FidStats.sampleWarning(a, sa.count()).ifPresent(System.err::println);
        FidStats.sampleWarning(b, sb.count()).ifPresent(System.err::println);
        System.out.printf("FID: %.6f%n", Fid.distance(sa, sb));
        return 0;
    }
}
