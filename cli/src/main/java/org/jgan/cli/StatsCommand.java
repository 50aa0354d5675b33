package org.jgan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.api.Jgan;
import org.jgan.engine.Torch;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.features.Extractors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgan stats}: FID statistics (mu, sigma) of a source, in pytorch-fid's .npz layout ({@link Jgan#stats}). */
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
        sampling.checkCount();
        sampling.checkFeatures();
        Torch.init();
        FidStats s = Jgan.stats(source, sampling.fidOptions(!noEma));
        FidStats.sampleWarning(source, s.count()).ifPresent(System.err::println);
        s.save(out);
        System.out.printf("%s: mu [%d], sigma [%d, %d] from %d images (%s) -> %s%n", source, s.dim(), s.dim(),
                s.dim(), s.count(), sampling.features != null ? sampling.features : Extractors.BUILTIN, out);
        return 0;
    }
}
