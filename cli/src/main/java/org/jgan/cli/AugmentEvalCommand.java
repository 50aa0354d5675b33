package org.jgan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.api.synthetic.AugmentData;
import org.jgan.api.synthetic.AugmentExperiment;
import org.jgan.api.synthetic.AugmentResult;
import org.jgan.api.synthetic.AugmentSettings;
import org.jgan.api.synthetic.ClassifierJudge;
import org.jgan.api.synthetic.LabelledGenerator;
import org.jgan.api.synthetic.Mixing;
import org.jgan.api.synthetic.SeedComparison;
import org.jgan.api.synthetic.SyntheticSets;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.AtomicFiles;
import org.jgan.engine.Torch;
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
    private static final long SYNTHETIC_SEED = 12345;

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
        if (k < 1) {
            throw new ConfigException("--real-per-class must be positive, got " + k);
        }
        if (!"real".equals(filterWith) && !"builtin".equals(filterWith)) {
            throw new ConfigException("--filter-with must be real or builtin, got '" + filterWith + "'");
        }
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence < 1)) {
            throw new ConfigException("--min-confidence must be in [0, 1), got " + minConfidence);
        }
        if (n != null && n < 1) {
            throw new ConfigException("--synthetic-per-class must be positive, got " + n);
        }
        AugmentSettings settings = settings();
        int synth = n != null ? n : 5 * k;
        PrintWriter out = spec.commandLine().getOut();
        Torch.init();
        try (RunGenerator rg = RunOptions.load(run, checkpoint, true)) {
            LabelledGenerator g = LabelledGenerator.of(rg);
            AugmentData d = AugmentData.of(rg, data, k);
            ImageDataset synthetic = synthetic(g, d.real(), synth);
            out.printf("The conditional GAN (%s) was trained only on the same %d real images per class "
                    + "(%d images of %s), not on the full train split.%n", run, k, d.real().size(), data);
            out.printf("Classifier: jgan's small CNN from scratch, %d steps of batch %d, %d seeds; test: %s "
                    + "(%d images, never used for training).%n", steps, AugmentExperiment.BATCH, seeds,
                    d.test().name(), d.test().size());
            out.println("Synthetic data: " + settings.mixing().describe() + (minConfidence == null ? ""
                    : "; kept only where " + (filterWith.equals("real") ? "a classifier trained on the real subset"
                    : "the built-in classifier (full train split: a diagnostic)") + " gives the intended class "
                    + minConfidence + " or more") + ".");
            AugmentResult r = AugmentExperiment.run(d, synthetic, settings, out::println);
            SeedComparison lift = r.lift();
            out.printf("K=%d real/class: %.4f +- %.4f;  + %d synthetic/class: %.4f +- %.4f;  lift %+.4f (%s)%n",
                    k, SeedComparison.mean(r.real()), SeedComparison.std(r.real()), synth,
                    SeedComparison.mean(r.augmented()), SeedComparison.std(r.augmented()), lift.difference(),
                    lift.verdict());
            r.overControl().ifPresent(vs -> out.printf("control (real images again in the synthetic slots): %.4f "
                    + "+- %.4f; synthetic vs control %+.4f (%s)%n", SeedComparison.mean(r.control()),
                    SeedComparison.std(r.control()), vs.difference(), vs.verdict()));
            if (json != null) {
                AtomicFiles.writeString(json, ConfigJson.toJson(json(r, settings.mixing(), synth)));
            }
        }
        return 0;
    }

    /** The experiment's settings, the library's complaints put in the options' words. */
    private AugmentSettings settings() {
        Mixing mixing = switch (mix) {
            case "added" -> {
                try {
                    yield Mixing.added(syntheticBatch, syntheticWeight);
                } catch (ConfigException e) {
                    throw new ConfigException("--synthetic-batch " + syntheticBatch + ", --synthetic-weight "
                            + syntheticWeight + ": " + e.getMessage());
                }
            }
            case "pooled" -> Mixing.pooled();
            default -> throw new ConfigException("--mix must be added or pooled, got '" + mix + "'");
        };
        if (control && mixing.isPooled()) {
            throw new ConfigException("--control needs --mix added (pooled mixing has no extra batch to fill)");
        }
        if (seeds < 1 || steps < 1) {
            throw new ConfigException("--seeds and --steps must be positive, got " + seeds + " and " + steps);
        }
        return new AugmentSettings(seeds, steps, mixing, control);
    }

    private Map<String, Object> json(AugmentResult r, Mixing mixing, int synth) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run.toString());
        m.put("real_per_class", k);
        m.put("synthetic_per_class", synth);
        m.put("seeds", seeds);
        m.put("steps", steps);
        m.put("mix", mix);
        if (!mixing.isPooled()) {
            m.put("synthetic_batch", mixing.perBatch());
            m.put("synthetic_weight", mixing.weight());
        }
        m.put("real_acc", r.real());
        m.put("augmented_acc", r.augmented());
        m.put("lift", r.lift().difference());
        m.put("beyond_spread", r.lift().gainBeyondSpread());
        m.put("loss_beyond_spread", r.lift().lossBeyondSpread());
        r.overControl().ifPresent(vs -> {
            m.put("control_acc", r.control());
            m.put("lift_over_control", vs.difference());
        });
        return m;
    }

    /** The synthetic set, filtered if asked by a classifier trained on {@code real} alone or the built-in one. */
    private ImageDataset synthetic(LabelledGenerator g, ImageDataset real, int perClass) {
        if (minConfidence == null) {
            return SyntheticSets.generate(g, perClass, SYNTHETIC_SEED);
        }
        // seed 0: the experiment's classifiers use seeds 1..--seeds, so the filter is not one of them
        try (ClassifierJudge judge = "builtin".equals(filterWith) ? ClassifierJudge.builtin()
                : ClassifierJudge.trainedOn(real, steps, 0)) {
            return AugmentCommand.filtered(g, judge, minConfidence, perClass, SYNTHETIC_SEED);
        }
    }
}
