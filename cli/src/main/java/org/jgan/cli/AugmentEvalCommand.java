package org.jgan.cli;

import java.io.PrintWriter;
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
import org.jgan.metrics.features.ClassifierFeatures;
import org.jgan.models.RunGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jgan augment-eval}: does synthetic data from a conditional run help a downstream classifier? */
@Command(name = "augment-eval", mixinStandardHelpOptions = true,
        description = {"Train the same small classifier on K real images per class, and on those plus N synthetic",
                "ones from --run, over several seeds; report test accuracy and the lift. The run must have been",
                "trained on the same K images per class (train --set data.perClass=K)."})
public final class AugmentEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

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

    @Option(names = "--mix", defaultValue = "added", description = "How synthetic images join training: added "
            + "(--synthetic-batch of them beside every unchanged real batch) or pooled (one shuffled set, same steps; "
            + "real images are then seen less often). Default: ${DEFAULT-VALUE}.")
    String mix;

    @Option(names = "--synthetic-batch", defaultValue = "32", description = "Synthetic images per real batch of "
            + "64 with --mix added (default: ${DEFAULT-VALUE}).")
    int syntheticBatch;

    @Option(names = "--synthetic-weight", defaultValue = "1.0", description = "Weight of the synthetic images' loss "
            + "with --mix added (default: ${DEFAULT-VALUE}).")
    double syntheticWeight;

    @Option(names = "--min-confidence", description = "Keep only synthetic images that a classifier puts in their "
            + "intended class with at least this probability.")
    Double minConfidence;

    @Option(names = "--filter-with", defaultValue = "real", description = "The classifier of --min-confidence: real "
            + "(trained here on the same K real images per class only, so no other data enters the experiment) or "
            + "builtin (trained on the full train split: a diagnostic, not a fair experiment). Default: "
            + "${DEFAULT-VALUE}.")
    String filterWith;

    @Option(names = "--control", description = "Also train a control per seed: the synthetic slots of every batch "
            + "filled with the real images again, to show the lift is not from larger batches.")
    boolean control;

    @Option(names = "--json", description = "Also write the result as JSON to this file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (k < 1 || seeds < 1 || steps < 1) {
            throw new ConfigException("--real-per-class, --seeds and --steps must be positive");
        }
        if (!"real".equals(filterWith) && !"builtin".equals(filterWith)) {
            throw new ConfigException("--filter-with must be real or builtin, got '" + filterWith + "'");
        }
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence < 1)) {
            throw new ConfigException("--min-confidence must be in [0, 1), got " + minConfidence);
        }
        int synth = n != null ? n : 5 * k;
        AugmentExperiment.Mixing mixing = switch (mix) {
            case "added" -> AugmentExperiment.Mixing.added(syntheticBatch, syntheticWeight);
            case "pooled" -> AugmentExperiment.Mixing.pooled();
            default -> throw new ConfigException("--mix must be added or pooled, got '" + mix + "'");
        };
        if (control) {
            mixing.requireSlots("--control");
        }
        PrintWriter out = spec.commandLine().getOut();
        Torch.init();
        try (RunGenerator rg = RunOptions.load(run, checkpoint, true)) {
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
            ImageDataset synthetic = synthetic(rg, real, synth);
            out.printf("The conditional GAN (%s) was trained only on the same %d real images per class "
                    + "(%d images of %s), not on the full train split.%n", run, k, real.size(), base);
            out.printf("Classifier: jgan's small CNN from scratch, %d steps of batch %d, %d seeds; test: %s "
                    + "(%d images, never used for training).%n", steps, AugmentExperiment.BATCH, seeds, test.name(),
                    test.size());
            out.println("Synthetic data: " + mixing.describe() + (minConfidence == null ? ""
                    : "; kept only where " + (filterWith.equals("real") ? "a classifier trained on the real subset"
                    : "the built-in classifier (full train split: a diagnostic)") + " gives the intended class "
                    + minConfidence + " or more") + ".");
            AugmentExperiment.Result r = AugmentExperiment.run(real, synthetic, test, seeds, steps, mixing,
                    out::println);
            out.printf("K=%d real/class: %.4f +- %.4f;  + %d synthetic/class: %.4f +- %.4f;  lift %+.4f (%s)%n",
                    k, AugmentExperiment.Result.mean(r.real()), AugmentExperiment.Result.std(r.real()), synth,
                    AugmentExperiment.Result.mean(r.augmented()), AugmentExperiment.Result.std(r.augmented()),
                    r.lift(), r.verdict());
            double[] ctl = control ? AugmentExperiment.control(real, test, seeds, steps, mixing, out::println) : null;
            // the control as the baseline: synthetic images against the same batches filled with real ones
            AugmentExperiment.Result vs = ctl == null ? null : new AugmentExperiment.Result(ctl, r.augmented());
            if (vs != null) {
                out.printf("control (real images again in the synthetic slots): %.4f +- %.4f; synthetic vs control "
                        + "%+.4f (%s)%n", AugmentExperiment.Result.mean(ctl), AugmentExperiment.Result.std(ctl),
                        vs.lift(), vs.verdict());
            }
            if (json != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("run", run.toString());
                m.put("real_per_class", k);
                m.put("synthetic_per_class", synth);
                m.put("seeds", seeds);
                m.put("steps", steps);
                m.put("mix", mix);
                if (mixing.perBatch() > 0) {
                    m.put("synthetic_batch", mixing.perBatch());
                    m.put("synthetic_weight", mixing.weight());
                }
                m.put("real_acc", r.real());
                m.put("augmented_acc", r.augmented());
                m.put("lift", r.lift());
                m.put("beyond_spread", r.beyondSpread());
                m.put("loss_beyond_spread", r.lossBeyondSpread());
                if (vs != null) {
                    m.put("control_acc", ctl);
                    m.put("lift_over_control", vs.lift());
                }
                AtomicFiles.writeString(json, ConfigJson.toJson(m));
            }
        }
        return 0;
    }

    /** The synthetic set, filtered if asked by a classifier trained on {@code real} alone or the built-in one. */
    private ImageDataset synthetic(RunGenerator rg, ImageDataset real, int perClass) {
        if (minConfidence == null || "builtin".equals(filterWith)) {
            return SyntheticExport.generate(rg, perClass, 12345, minConfidence);
        }
        // seed 0: the experiment's classifiers use seeds 1..--seeds, so the filter is not one of them
        try (ClassifierFeatures judge = ClassifierFeatures.of(AugmentExperiment.train(real, null, steps, 0),
                "real-subset")) {
            return ConfidenceFilter.generate(rg, perClass, 12345, minConfidence, judge,
                    "a classifier trained on the real subset");
        }
    }
}
