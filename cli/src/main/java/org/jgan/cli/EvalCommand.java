package org.jgan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.jgan.api.Evaluation;
import org.jgan.api.GanModel;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.eval.EvalRecord;
import org.jgan.metrics.eval.FeatureCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


/** {@code jgan eval}: every metric of a run's generator against real data, printed and appended to metrics.jsonl. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a run: FID, KID, Inception-style score, precision/recall, class coverage.",
                "Prints one JSON object and appends it to the run's metrics.jsonl; also prints the real-data floor "
                        + "(FID of the train split against the test split, computed once and cached)."})
public final class EvalCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    RunOptions run = new RunOptions();

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
        try (GanModel model = run.model()) {
            EvalRecord r = model.evaluate(new Evaluation(reference, sampling.count, sampling.seed, sampling.features,
                    true, true));
            if (r.floorFid() != null) {
                System.err.printf("real-data floor: FID %.4f (train split against %s; cached in %s)%n", r.floorFid(),
                        r.metrics().reference(), FeatureCache.defaultCache().dir());
            }
            System.out.println(JSON.writeValueAsString(r.toMap()));
        }
        return 0;
    }
}
