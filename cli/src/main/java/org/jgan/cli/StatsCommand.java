package org.jgan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.core.config.ConfigException;
import org.jgan.engine.Torch;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.features.FeatureExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    FeatureOptions sampling = new FeatureOptions();

    @Option(names = "--no-ema", description = "Sample a run's raw generator even when EMA weights exist.")
    boolean noEma;

    @Override
    public Integer call() throws Exception {
        if (EvalSources.isStats(source)) {
            throw new ConfigException(source + ": is already a statistics file; give images or a run");
        }
        sampling.checkCount();
        Torch.init();
        try (FeatureExtractor fx = sampling.extractor()) {
            FidStats s = EvalSources.stats(source, fx, sampling.count, sampling.seed, !noEma);
            FidStats.sampleWarning(source, s.count()).ifPresent(System.err::println);
            s.save(out);
            System.out.printf("%s: mu [%d], sigma [%d, %d] from %d images (%s) -> %s%n", source, s.dim(), s.dim(),
                    s.dim(), s.count(), fx.name(), out);
        }
        return 0;
    }
}
