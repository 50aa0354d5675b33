package org.jgan.cli;

import java.util.concurrent.Callable;
import org.jgan.api.FidComparison;
import org.jgan.api.Jgan;
import org.jgan.engine.Torch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgan fid A B}: the Fréchet Inception Distance between two sources (Heusel et al. 2017; {@link Jgan#fid}). */
@Command(name = "fid", mixinStandardHelpOptions = true,
        description = {"Print the FID between two sources.",
                "Each SOURCE: a .npz of statistics (pytorch-fid's files load as they are), an IDX file or folder, an "
                        + "image folder, fashion-mnist[:test], or a run folder (RUN or RUN@CHECKPOINT; sampled)."})
public final class FidCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A")
    String a;

    @Parameters(index = "1", paramLabel = "B")
    String b;

    @Mixin
    FeatureOptions sampling = new FeatureOptions();

    @Option(names = "--no-ema", description = "Sample runs' raw generators even when EMA weights exist.")
    boolean noEma;

    @Override
    public Integer call() throws Exception {
        sampling.checkCount();
        sampling.checkFeatures();
        Torch.init();
        FidComparison c = Jgan.fid(a, b, sampling.fidOptions(!noEma));
        c.warnings().forEach(System.err::println);
        System.out.printf("FID: %.6f%n", c.fid());
        return 0;
    }
}
