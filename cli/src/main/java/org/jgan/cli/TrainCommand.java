package org.jgan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.loss.Losses;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.HealthWatch;
import org.jgan.api.Jgan;
import org.jgan.api.Training;
import org.jgan.api.TrainingResult;
import org.jgan.core.train.RunDir;
import org.jgan.models.Variants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan train}: trains a variant and writes a run folder, or resumes one. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a GAN and write runs/NAME: config.json, stats.jsonl, samples/, checkpoints/.",
                "Resume with --resume runs/NAME; --steps/--epochs count from the start of the run."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--model", description = "Variant: ${COMPLETION-CANDIDATES} (default: dcgan).",
            completionCandidates = ModelNames.class)
    String model;

    @Option(names = "--preset", description = "Start from a named config: ${COMPLETION-CANDIDATES} (default: dcgan, "
            + "or the model's own preset).", completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--loss", description = "Adversarial loss: non-saturating, minimax, hinge, wasserstein, "
            + "least-squares.")
    String loss;

    @Option(names = "--data", description = "fashion-mnist, fashion-mnist:test, a folder of IDX files or images, "
            + "or an IDX file (default: fashion-mnist); for pix2pix/cyclegan a folder of pairs or demo:edges2garment, "
            + "demo:sneaker2boot (the model's demo task by default); for ctgan a CSV, JSON lines (.jsonl) or JSON "
            + "array (.json) file, or seattle-weather, movies.")
    String data;

    @Option(names = "--schema", description = "Tables (ctgan): a JSON file declaring column types and missing-value "
            + "tokens (see docs/cli.md); without it every type is inferred.")
    Path schema;

    @Option(names = "--epochs", description = "Train until this many epochs are done.")
    Integer epochs;

    @Option(names = "--steps", description = "Train until this global step.")
    Long steps;

    @Option(names = "--minutes", description = "Also stop after this much wall-clock training time (fractions "
            + "allowed), with a final grid and checkpoint; the earliest of --minutes, --epochs and --steps wins. "
            + "Per invocation: a resumed run gets a fresh budget. Alone, the config's length still caps the run.")
    Double minutes;

    @Option(names = "--batch", description = "Batch size (default: 64).")
    Integer batch;

    @Option(names = "--seed", description = "Root seed (default: 1).")
    Long seed;

    @Option(names = "--out", description = "Run folder to create, e.g. runs/dcgan-fmnist.")
    Path out;

    @Option(names = "--resume", description = "Run folder to continue from its latest checkpoint.")
    Path resume;

    @Option(names = "--config", description = "Start from this JSON config (e.g. a run's config.json).")
    Path configFile;

    @Option(names = "--set", description = "Override a config value, e.g. --set optim.lrG=1e-4 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print the resolved config and exit.")
    boolean dryRun;

    @Option(names = "--threads", description = "libtorch threads (default: JGAN_THREADS or all cores).")
    Integer threads;

    @Option(names = "--no-progress", description = "Plain log lines instead of a progress bar.")
    boolean noProgress;

    @Option(names = "--dashboard", arity = "0..1", fallbackValue = "8080", paramLabel = "PORT",
            description = "Serve the live dashboard on 127.0.0.1 while training (port: 8080, or any free one).")
    Integer dashboardPort;

    @picocli.CommandLine.Mixin
    EvalOptions eval = new EvalOptions();

    @Override
    public Integer call() throws Exception {
        if (minutes != null && !(minutes > 0)) {
            throw new ConfigException("--minutes must be positive, got " + minutes);
        }
        ConfigException.check(threads == null || threads >= 1, "--threads must be at least 1, got " + threads);
        TrainConfig cfg = resume != null ? resumedConfig() : freshConfig();
        if (dryRun) {
            System.out.println(ConfigJson.toJson(cfg));
            return 0;
        }
        // Before data and networks load (seconds to minutes): can the run folder be written at all?
        Training training;
        if (resume != null) {
            Outputs.runFolder(resume, "--resume");
            training = Jgan.resume(resume, cfg);
        } else {
            Outputs.folder(out, "--out");
            training = Jgan.train(cfg, out);
        }
        if (threads != null) {
            Flags.named("--threads", () -> training.threads(threads));
        }
        training.minutes(minutes != null ? minutes : 0).log(System.err::println);
        eval.apply(training);
        try (Progress progress = new Progress(!noProgress && System.console() != null);
             TrainDashboard dash = dashboardPort == null ? null
                     : new TrainDashboard(resume != null ? resume : out, dashboardPort)) {
            training.listener(progress);
            if (dash != null) {
                training.listener(dash);
            }
            TrainingResult end = training.run();
            if (end.stoppedByTime()) {
                System.err.printf("stopped by --minutes %s at step %d after %.1f min%n", minutes, end.step(),
                        end.seconds() / 60);
            }
            System.out.println("samples: " + end.lastSample());
            System.out.println("checkpoint: " + (end.checkpoint() != null ? end.checkpoint() : "none") + " (step "
                    + end.step() + ")");
            return finalVerdict(end);
        }
    }

    /**
     * 0, or, when the run raised alarms, a closing warning that lists them; exit 3 when one of them says the run went
     * dead ({@link HealthWatch}), so a script does not go on to sample or evaluate a useless generator. A possible mode
     * collapse seen by --eval-every only warns: its judgement is relative and noisy on short runs.
     */
    static int finalVerdict(TrainingResult end) {
        List<String> alarms = end.alarms();
        if (alarms.isEmpty()) {
            return 0;
        }
        boolean dead = end.wentDead();
        System.err.println("WARNING: this run raised " + alarms.size() + " alarm" + (alarms.size() == 1 ? "" : "s")
                + " (" + String.join(", ", alarms) + "; see the \"alarm\" lines of stats.jsonl)"
                + (dead ? ": it likely went dead, look at its samples before using it (exit 3)" : ""));
        return dead ? 3 : 0;
    }

    private TrainConfig freshConfig() throws java.io.IOException {
        if (out == null) {
            throw new ConfigException("--out is required for a new run (e.g. --out runs/dcgan), or use --resume DIR");
        }
        if (Files.exists(out.resolve("config.json"))) {
            throw new ConfigException(out + " already holds a run; continue it with --resume " + out
                    + " or choose another --out");
        }
        // The preset's 5 epochs are not a default length: a forgotten --epochs would start hours of training.
        if (epochs == null && steps == null && minutes == null && configFile == null && sets.stream()
                .map(String::trim)
                .noneMatch(s -> s.startsWith("schedule.epochs=") || s.startsWith("schedule.steps="))) {
            throw new ConfigException("say how long to train: --epochs N, --steps N or --minutes M");
        }
        if (configFile != null && preset != null) {
            throw new ConfigException("give --config or --preset, not both");
        }
        String start = preset != null ? preset : model != null && Presets.names().contains(model) ? model : "dcgan";
        TrainConfig cfg = configFile != null
                ? ConfigJson.fromTreeWithDefaults(readConfigTree(configFile), TrainConfig.dcganFashionMnist(),
                        TrainConfig.class, configFile.toString())
                : Presets.byName(start);
        if (model != null) {
            Variants.byName(model);
            cfg = cfg.withModel(cfg.model().withName(model));
        }
        if (loss != null) {
            Losses.byName(loss);
            ModelConfig m = cfg.model();
            cfg = cfg.withModel(m.withLoss(loss));
        }
        if (data != null || batch != null) {
            cfg = cfg.withData(new DataConfig(data != null ? data : cfg.data().source(),
                    batch != null ? batch : cfg.data().batch(), cfg.data().dropLast(), cfg.data().limit(),
                    cfg.data().perClass(), cfg.data().mirror()));
        }
        if (seed != null) {
            cfg = cfg.withSeed(seed);
        }
        if (schema != null) {
            ConfigException.check(cfg.model().name().equals("ctgan"), "--schema declares a table's columns; "
                    + cfg.model().name() + " trains on images");
            cfg = ConfigJson.withOverrides(cfg, List.of("ctgan.schema=" + schema.toAbsolutePath()), TrainConfig.class);
        }
        TrainConfig sized = withLength(cfg);
        cfg = Flags.named("--set", () -> ConfigJson.withOverrides(sized, sets, TrainConfig.class));
        Variants.byName(cfg.model().name());
        return cfg;
    }

    private TrainConfig resumedConfig() throws java.io.IOException {
        if (out != null || model != null || data != null || batch != null || seed != null || configFile != null
                || preset != null || loss != null || schema != null) {
            throw new ConfigException("--resume continues a run as it was configured; --out, --model, --data, "
                    + "--batch, --seed, --config, --preset, --loss and --schema cannot be changed (use --steps/--epochs to train "
                    + "longer)");
        }
        TrainConfig sized = withLength(new RunDir(resume).readConfig());
        return Flags.named("--set", () -> ConfigJson.withOverrides(sized, sets, TrainConfig.class));
    }

    /** --epochs/--steps, when given, replace the run length (the one not given becomes "no limit"). */
    private TrainConfig withLength(TrainConfig cfg) {
        if (epochs == null && steps == null) {
            return cfg;
        }
        ScheduleConfig s = cfg.schedule();
        int e = epochs != null ? epochs : 0;
        long n = steps != null ? steps : 0;
        return cfg.withSchedule(new ScheduleConfig(e, n, s.logEvery(), s.sampleEvery(), s.checkpointEvery(),
                s.keepCheckpoints(), s.sampleCount()));
    }

    private static com.fasterxml.jackson.databind.JsonNode readConfigTree(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            throw new ConfigException(file + ": no such config file");
        }
        var tree = ConfigJson.readFile(file);
        // A run's config.json wraps the config together with its provenance.
        var config = tree.has("config") ? tree.get("config") : tree;
        if (!config.isObject()) {
            throw new ConfigException(file + ": holds " + (tree.has("config") ? "a \"config\" that is " : "")
                    + switch (config.getNodeType()) {
                        case ARRAY -> "an array";
                        case NUMBER -> "a number";
                        case STRING -> "a string";
                        case BOOLEAN -> "true or false";
                        default -> "null";
                    } + ", not a JSON object of "
                    + "config sections such as {\"optim\": {\"lrG\": 0.0002}}");
        }
        return config;
    }

    /** Lists preset names for --help. */
    static final class PresetNames extends ArrayList<String> {
        PresetNames() {
            super(Presets.names());
        }
    }

    /** Lists registered model names for --help. */
    static final class ModelNames extends ArrayList<String> {
        ModelNames() {
            super(Variants.all().keySet());
        }
    }
}
