package org.jgan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.api.Evaluation;
import org.jgan.api.GanModel;
import org.jgan.api.Jgan;
import org.jgan.core.config.ConfigException;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.eval.EvalRecord;
import org.jgan.metrics.eval.FeatureCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


/**
 * {@code jgan eval}: every metric of a run's generator (appended to its metrics.jsonl), or of images made elsewhere
 * ({@code --samples}), against real data.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a run: FID, KID, Inception-style score, precision/recall, class coverage.",
                "Prints one JSON object and appends it to the run's metrics.jsonl; also prints the real-data floor "
                        + "(FID of the train split against the test split, computed once and cached).",
                "--samples scores images made elsewhere (e.g. a PyTorch reference) the same way, without a run."})
public final class EvalCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--run", paramLabel = "<run>", description = "Run folder, e.g. runs/NAME.")
    Path runDir;

    @Option(names = "--checkpoint", description = "step-NNNNNN, a step number, 'latest' (default) or 'best'.")
    String checkpoint;

    @Option(names = "--no-ema", description = "Use the raw generator even when EMA weights exist.")
    boolean noEma;

    @Option(names = "--samples", description = "Instead of a run: images to score (a folder of IDX files or images, "
            + "an IDX file; labels beside them give the class accuracy and, against a labelled reference, the "
            + "within-class diversity); needs --reference.")
    String samples;

    @Option(names = "--reference", description = "Real data to compare with (default: the test split of the run's "
            + "data, e.g. fashion-mnist:test, else the training data).")
    String reference;

    @Mixin
    FeatureOptions sampling = new FeatureOptions();

    @Override
    public Integer call() throws Exception {
        sampling.checkCount();
        sampling.checkFeatures();
        FidStats.sampleWarning("--count", sampling.count).ifPresent(System.err::println);
        if ((runDir == null) == (samples == null)) {
            throw new ConfigException(runDir == null
                    ? "give --run DIR (a trained run) or --samples IMAGES (images made elsewhere)"
                    : "give --run DIR or --samples IMAGES, not both: --samples scores images made elsewhere");
        }
        if (reference != null && reference.toLowerCase(java.util.Locale.ROOT).endsWith(".npz")) {
            throw new ConfigException("--reference " + reference + ": eval needs real images (it also measures "
                    + "KID and precision/recall); statistics in a .npz serve jgan fid");
        }
        Evaluation e = new Evaluation(reference, sampling.count, sampling.seed, sampling.features, true, true);
        if (samples != null) {
            if (reference == null) {
                throw new ConfigException("--samples needs --reference, e.g. --reference fashion-mnist:test");
            }
            print(Jgan.evaluateImages(samples, e));
            return 0;
        }
        try (GanModel model = RunOptions.model(runDir, checkpoint, !noEma)) {
            String report = model.tabular() ? "sample --run " + runDir + " --out rows.csv, then jgan table-report "
                    + "--run " + runDir + " --synthetic rows.csv" : model.series() ? "series-report --run " + runDir
                    : model.video() ? "video-report --run " + runDir : null;
            ConfigException.check(report == null, "this run (" + model.config().model().name() + ") makes "
                    + model.makes() + ", not images: score it with jgan " + report);
            print(model.evaluate(e));
        }
        return 0;
    }

    private static void print(EvalRecord r) throws java.io.IOException {
        if (r.floorFid() != null) {
            System.err.printf("real-data floor: FID %.4f (train split against %s; cached in %s)%n", r.floorFid(),
                    r.metrics().reference(), FeatureCache.defaultCache().dir());
        }
        System.out.println(JSON.writeValueAsString(r.toMap()));
    }
}
