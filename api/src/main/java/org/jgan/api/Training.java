package org.jgan.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.Checkpoints;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.RunDir;
import org.jgan.core.train.Seeds;
import org.jgan.core.train.TimeBudget;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainListeners;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;
import org.jgan.core.train.TrainingData;
import org.jgan.engine.Torch;
import org.jgan.metrics.eval.EvalListener;
import org.jgan.metrics.eval.FeatureCache;
import org.jgan.metrics.eval.References;
import org.jgan.metrics.features.Extractors;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.models.Variants;

/**
 * One training call, set up with named settings and started by {@link #run()}: a new run written into a folder, or a
 * resumed one continued from its newest checkpoint. Made by {@link Jgan#train} and {@link Jgan#resume}.
 *
 * <p>Everything the loop writes goes to the run folder (config.json, stats.jsonl, samples/, checkpoints/, and
 * metrics.jsonl when evaluating), the contract that sampling, evaluation and the dashboard read.
 */
public final class Training {
    private TrainConfig config;
    private final Path runDir;
    private final boolean resume;
    private int threads;
    private double minutes;
    private final List<TrainListener> listeners = new ArrayList<>();
    private long evalEvery;
    private int evalCount = 10_000;
    private String evalFeatures;
    private String evalReference;
    private Consumer<String> log = s -> { };

    Training(TrainConfig config, Path runDir, boolean resume) {
        ConfigException.check(runDir != null, "run folder is null");
        this.config = config;
        this.runDir = runDir;
        this.resume = resume;
    }

    /** libtorch threads (default: {@code JGAN_THREADS}, else all cores); set once per JVM in practice. */
    public Training threads(int threads) {
        ConfigException.check(threads >= 1, "threads must be at least 1, got " + threads);
        this.threads = threads;
        return this;
    }

    /**
     * Also stops after this much wall-clock time (fractions allowed), with a final grid and checkpoint; the earliest
     * of time, epochs and steps wins. 0 (the default): no time limit.
     */
    public Training minutes(double minutes) {
        ConfigException.check(minutes >= 0 && Double.isFinite(minutes),
                "time budget must be 0 (none) or a positive number of minutes, got " + minutes);
        this.minutes = minutes;
        return this;
    }

    /** Trains until this many epochs are done (for a resumed run: counted from the start of the run). */
    public Training epochs(int epochs) {
        return length(epochs, 0);
    }

    /** Trains until this global step (for a resumed run: counted from the start of the run). */
    public Training steps(long steps) {
        return length(0, steps);
    }

    /** Hears progress, logged statistics, events (rollbacks, alarms), grids and checkpoints; may be repeated. */
    public Training listener(TrainListener listener) {
        ConfigException.check(listener != null, "listener is null");
        listeners.add(listener);
        return this;
    }

    /**
     * Evaluates every {@code steps} steps and at the end with {@code samples} generated images (FID, KID, IS,
     * precision/recall, coverage into metrics.jsonl; {@code checkpoints/best} at the lowest FID; collapse warnings).
     */
    public Training evaluateEvery(long steps, int samples) {
        ConfigException.check(steps >= 1 && steps <= Integer.MAX_VALUE,
                "evaluation interval must be a positive step count, got " + steps);
        ConfigException.check(samples >= 2, "evaluation needs at least 2 samples, got " + samples);
        this.evalEvery = steps;
        this.evalCount = samples;
        return this;
    }

    /** Feature network of the evaluations: classifier:builtin (default), inception:PATH or classifier:PATH. */
    public Training evalFeatures(String spec) {
        this.evalFeatures = spec;
        return this;
    }

    /** Real data the evaluations compare with (default: the test split of the training data, else the data). */
    public Training evalReference(String dataSpec) {
        this.evalReference = dataSpec;
        return this;
    }

    /** Receives one-line messages about what the call does (resuming, data, evaluation set-up); default: none. */
    public Training log(Consumer<String> log) {
        this.log = log != null ? log : s -> { };
        return this;
    }

    /** The config this call trains with (for a resume: the run's, with any new length). */
    public TrainConfig config() {
        return config;
    }

    /**
     * Trains until the config's length (or the time budget) and returns how it ended. Fails with a
     * {@link ConfigException} for a folder that already holds a run (new runs) or holds none (resume), a
     * {@code DataException} for unreadable data, and {@code TrainingDivergedException} when the guard gives up.
     */
    public TrainingResult run() throws IOException {
        if (!resume) {
            new RunDir(runDir).requireNoRun();  // before data and networks load (seconds to minutes)
        }
        if (threads > 0) {
            Torch.init(threads);
        } else {
            Torch.ensureLoaded();
        }
        GanVariant variant = Variants.byName(config.model().name());
        // The variant opens its data (image-to-image models read pair folders and demo tasks), then the subset rules
        // of data.perClass and data.limit apply.
        TrainingData ds = variant.openTrainingData(config, Seeds.derive(config.seed(), "subset", 0));
        Outcome outcome = new Outcome();
        TimeBudget budget = TimeBudget.minutes(minutes);
        try (Trainer trainer = new Trainer(variant, config, ds, runDir);
             FeatureExtractor fx = evalEvery > 0 ? Extractors.open(evalFeatures) : null) {
            if (resume) {
                TrainState s = trainer.resume();
                log.accept(String.format("resuming %s at step %d (epoch %d)", runDir, s.step(), s.epoch()));
                List<String> changed = trainer.changedOnResume();  // recorded in stats.jsonl by the trainer
                if (!changed.isEmpty()) {
                    log.accept("settings of this resume that differ from the run's config.json: "
                            + String.join(", ", changed) + " (config.json keeps the run's first settings)");
                }
            }
            DataShape sh = ds.shape();
            log.accept(String.format("training %s on %s (%d %s, %s), %d threads -> %s", config.model().name(),
                    ds.name(), ds.size(), ds.items(), sh.spans() != null ? sh.channels() + " values per row"
                            : sh.channels() + "x" + sh.height() + "x" + sh.width(), Torch.threads(), runDir));
            ds.notes().forEach(log);
            List<TrainListener> all = new ArrayList<>(listeners);
            all.add(outcome);
            if (fx != null) {
                if (ds.images() == null) {
                    throw new ConfigException("evaluation during training scores images; " + ds.name() + " holds "
                            + ds.items() + " (score a table with the table report instead)");
                }
                all.add(evalListener(fx, ds.images()));
            }
            trainer.stopAfter(budget);
            long t0 = System.nanoTime();
            TrainState end = trainer.run(TrainListeners.of(all.toArray(TrainListener[]::new)));
            // A run already at its target writes no new checkpoint: name the one it stands on.
            Path ckpt = outcome.lastCheckpoint() != null ? outcome.lastCheckpoint()
                    : Checkpoints.latest(runDir).orElse(null);
            return new TrainingResult(runDir, end.step(), end.epoch(), outcome.lastSample(), ckpt, outcome.alarms(),
                    outcome.dead(), budget.expired(), (System.nanoTime() - t0) / 1e9);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private TrainListener evalListener(FeatureExtractor fx, ImageDataset data) throws IOException {
        String refSpec = evalReference != null ? evalReference : References.defaultFor(config.data().source());
        // Before training starts (and writes the run folder): can the extractor read these images at all?
        fx.check(data.name(), data.channels(), data.height(), data.width());
        log.accept(String.format("evaluating every %d steps: %d samples against %s with %s", evalEvery, evalCount,
                refSpec, fx.name()));
        var ref = FeatureCache.defaultCache().reference(fx, DataSources.open(refSpec));
        return new EvalListener(fx, ref, (int) evalEvery, evalCount, log::accept);
    }

    private Training length(int epochs, long steps) {
        ConfigException.check(epochs >= 0 && steps >= 0, "run length must not be negative");
        ScheduleConfig s = config.schedule();
        config = config.withSchedule(new ScheduleConfig(epochs, steps, s.logEvery(), s.sampleEvery(),
                s.checkpointEvery(), s.keepCheckpoints(), s.sampleCount()));
        return this;
    }

    static TrainConfig runConfig(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve("config.json"))) {
            throw new ConfigException(runDir + " holds no run to resume (no config.json)");
        }
        return new RunDir(runDir).readConfig();
    }
}
