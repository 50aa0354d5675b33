package org.jgan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.stats.StatsWriter;
import org.jgan.core.train.RunDir;
import org.jgan.engine.Torch;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.eval.EvalResult;
import org.jgan.metrics.eval.Evaluator;
import org.jgan.metrics.eval.FeatureCache;
import org.jgan.metrics.eval.RealFloor;
import org.jgan.metrics.eval.Reference;
import org.jgan.metrics.eval.References;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.metrics.source.GeneratorSource;
import org.jgan.models.RunGenerator;
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
        Torch.init();
        FidStats.sampleWarning("--count", sampling.count).ifPresent(System.err::println);
        FeatureCache cache = FeatureCache.defaultCache();
        try (RunGenerator rg = run.generator();
             FeatureExtractor fx = sampling.extractor()) {
            String refSpec = reference != null ? reference : References.defaultFor(rg.config().data().source());
            ImageDataset refData = DataSources.open(refSpec);
            Reference ref = cache.reference(fx, refData);
            RealFloor.Result floor = floor(fx, cache, refSpec, refData, ref);
            if (floor != null) {
                System.err.printf("real-data floor: FID %.4f (%s vs %s, %d images; cached in %s)%n", floor.fid(),
                        floor.train(), floor.reference(), floor.count(), cache.dir());
            }
            EvalResult r;
            Double classAccuracy = null;
            String name = run.dir + "@" + rg.checkpoint().getFileName();
            try (GeneratorSource src = new GeneratorSource(rg.generator(), name, rg.latentDim(), rg.shape(),
                    sampling.count, sampling.seed)) {
                long t0 = System.nanoTime();
                var fake = org.jgan.metrics.features.FeatureRunner.extract(fx, src);
                r = Evaluator.evaluate(fake, ref, sampling.seed, t0);
                if (rg.conditional() && fake.hasProbs() && fake.classes() == rg.shape().numClasses()) {
                    classAccuracy = org.jgan.metrics.ConditionalAccuracy.of(fake);
                }
            }
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("step", EvalSources.step(rg.checkpoint()));
            rec.put("checkpoint", rg.checkpoint().getFileName().toString());
            rec.put("ema", rg.ema());
            rec.putAll(r.toMap());
            if (classAccuracy != null) {
                rec.put("class_accuracy", classAccuracy);
            }
            rec.put("floor_fid", floor == null ? null : floor.fid());
            rec.put("seed", sampling.seed);
            rec.put("time", System.currentTimeMillis() / 1000.0);
            try (StatsWriter w = new StatsWriter(new RunDir(run.dir).metricsFile())) {
                w.write(rec);
            }
            System.out.println(JSON.writeValueAsString(rec));
        }
        return 0;
    }

    /** FID of the train split against the reference when the reference is a test split; null otherwise. */
    private RealFloor.Result floor(FeatureExtractor fx, FeatureCache cache, String refSpec, ImageDataset refData,
                                   Reference ref) throws java.io.IOException {
        if (!refSpec.endsWith(":test")) {
            return null;
        }
        ImageDataset train = DataSources.open(References.trainSplitOf(refSpec));
        return RealFloor.compute(fx, cache, train, refData, ref, Math.min(sampling.count, train.size()));
    }
}
