package org.jgan.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.AtomicFiles;
import org.jgan.engine.Torch;
import org.jgan.models.RunGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan augment-eval}: does synthetic data from a conditional run help a downstream classifier? */
@Command(name = "augment-eval", mixinStandardHelpOptions = true,
        description = {"Train the same small classifier on K real images per class, and on those plus N synthetic",
                "ones from --run, over several seeds; report test accuracy and the lift. The run must have been",
                "trained on the same K images per class (train --set data.perClass=K)."})
public final class AugmentEvalCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "fashion-mnist", description = "Labelled data with a test split "
            + "(default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--real-per-class", required = true, description = "K real images per class.")
    int k;

    @Option(names = "--synthetic-per-class", description = "N synthetic images per class (default: 5 K).")
    Integer n;

    @Option(names = "--run", required = true, description = "A conditional run trained with data.perClass = K.")
    Path run;

    @Option(names = "--checkpoint", description = "Checkpoint of the run (default: latest).")
    String checkpoint;

    @Option(names = "--seeds", defaultValue = "3", description = "Classifier seeds (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--steps", defaultValue = "1500", description = "Classifier training steps of batch 64 "
            + "(default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--min-confidence", description = "Filter synthetic images with the built-in classifier.")
    Double minConfidence;

    @Option(names = "--json", description = "Also write the result as JSON to this file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (k < 1 || seeds < 1 || steps < 1) {
            throw new ConfigException("--real-per-class, --seeds and --steps must be positive");
        }
        int synth = n != null ? n : 5 * k;
        Torch.init();
        try (RunGenerator rg = RunGenerator.load(run, checkpoint, true)) {
            var rd = rg.config().data();
            String base = data.replaceAll(":(train|test)$", "");
            if (rd.perClass() != k || !rd.source().replaceAll(":(train|test)$", "").equals(base)) {
                throw new ConfigException(run + " was trained on " + rd.source() + " with data.perClass="
                        + rd.perClass() + "; the experiment needs a GAN trained only on the same " + k
                        + " real images per class of " + base + " (train --model cgan --data " + base
                        + " --set data.perClass=" + k + ")");
            }
            if (!rg.conditional()) {
                throw new ConfigException(run + ": model " + rg.config().model().name() + " is not conditional");
            }
            ImageDataset real = AugmentExperiment.realSubset(rg.config());
            ImageDataset test = DataSources.open(base + ":test");
            ImageDataset synthetic = SyntheticExport.generate(rg, synth, 12345, minConfidence);
            System.out.printf("The conditional GAN (%s) was trained only on the same %d real images per class "
                    + "(%d images of %s), not on the full train split.%n", run, k, real.size(), base);
            System.out.printf("Classifier: jgan's small CNN from scratch, %d steps of batch %d, %d seeds; test: %s "
                    + "(%d images, never used for training).%n", steps, AugmentExperiment.BATCH, seeds, test.name(),
                    test.size());
            AugmentExperiment.Result r = AugmentExperiment.run(real, synthetic, test, seeds, steps,
                    System.out::println);
            System.out.printf("K=%d real/class: %.4f +- %.4f;  + %d synthetic/class: %.4f +- %.4f;  lift %+.4f (%s)%n",
                    k, AugmentExperiment.Result.mean(r.real()), AugmentExperiment.Result.std(r.real()), synth,
                    AugmentExperiment.Result.mean(r.augmented()), AugmentExperiment.Result.std(r.augmented()),
                    r.lift(), r.verdict());
            if (json != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("run", run.toString());
                m.put("real_per_class", k);
                m.put("synthetic_per_class", synth);
                m.put("seeds", seeds);
                m.put("steps", steps);
                m.put("real_acc", r.real());
                m.put("augmented_acc", r.augmented());
                m.put("lift", r.lift());
                m.put("beyond_spread", r.beyondSpread());
                m.put("loss_beyond_spread", r.lossBeyondSpread());
                AtomicFiles.writeString(json, ConfigJson.toJson(m));
            }
        }
        return 0;
    }
}
