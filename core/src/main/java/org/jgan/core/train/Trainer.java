package org.jgan.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.Batches;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.nn.GanNet;
import org.jgan.core.stats.StatsWriter;
import org.jgan.engine.NumericsException;
import org.jgan.engine.Optimizers;

/**
 * The training loop, the same for every variant. Steps run through {@link StepRunner} (the only place that runs
 * backward and steps optimizers); the loop writes the run folder (config.json, stats.jsonl, sample grids from one
 * fixed latent batch, atomic checkpoints) and guards the run: a NaN, infinite or exploding loss rolls back to the last
 * checkpoint with lower learning rates, and stops with advice after {@code guard.maxRollbacks}; a run that goes
 * dead with finite losses raises the alarms of {@link HealthWatch}.
 */
public final class Trainer implements AutoCloseable {
    private final GanVariant variant;
    private final TrainConfig config;
    private final TrainingData data;
    private final RunDir run;
    private final Batches batches;
    private final Players players;
    private final Map<String, Adam> optimizers;
    private final Ema ema;
    private final StepRunner runner;
    private final FixedSamples samples;
    private final RunGuard guard;
    private final List<Phase> phases;
    private final LearningRates rates;
    private TrainState state = TrainState.start();
    private StatsWriter statsWriter;
    private TrainListener listener = new TrainListener() { };
    private TimeBudget budget = TimeBudget.NONE;
    private final RunRecovery recovery;
    private final RunIdentity identity;
    private final Conditioning conditioning;

    /**
     * Sets up a run in {@code runDir}, new or to {@link #resume}; {@code variant} must be the one {@code config} names.
     * A new run (no resume) refuses a folder that already holds a run (a config.json).
     */
    public Trainer(GanVariant variant, TrainConfig config, ImageDataset data, Path runDir) {
        this(variant, config, TrainingData.of(data), runDir);
    }

    /** As {@link #Trainer(GanVariant, TrainConfig, ImageDataset, Path)} for any training data (images, table rows). */
    public Trainer(GanVariant variant, TrainConfig config, TrainingData data, Path runDir) {
        this.run = new RunDir(runDir);
        this.identity = new RunIdentity(variant, config, run);
        org.jgan.engine.Torch.ensureLoaded();
        TrainerParts.checkPrecision(config);
        variant.checkData(data.shape(), data.name());
        this.variant = variant;
        this.config = config;
        this.data = data;
        this.recovery = new RunRecovery(run);
        this.batches = new Batches(data.name(), data.size(), data.items(), config.data().batch(), config.data().dropLast(),
                Seeds.derive(config.seed(), "data", 0));
        DataShape shape = data.shape();
        TrainerParts.checkLabels(variant, data);
        torch.manual_seed(Seeds.derive(config.seed(), "init", 0));
        Players built = variant.build(config, shape, Seeds.derive(config.seed(), "init", 1));
        TrainerParts parts = TrainerParts.build(variant, config, data, built);
        this.players = built;
        this.optimizers = parts.optimizers();
        this.ema = parts.ema();
        this.phases = parts.phases();
        this.conditioning = parts.conditioning();
        this.runner = parts.runner();
        this.samples = parts.samples();
        this.rates = new LearningRates(optimizers, config, phases, variant);
        rates.apply(state.lrScale());
        this.guard = new RunGuard(config.guard());
    }

    // The trainer's parts, for listeners that evaluate, sample or log during training.
    public Players players() { return players; }
    public Ema ema() { return ema; }
    public TrainState state() { return state; }
    public RunDir run() { return run; }
    public TrainConfig config() { return config; }
    public GanVariant variant() { return variant; }
    public TrainingData data() { return data; }

    /** The generator to sample and evaluate with: the EMA copy when there is one, else G. */
    public GanNet samplingGenerator() {
        return ema != null ? ema.net() : players.generator();
    }

    /**
     * Trains as worker {@code parallel.rank()} of {@code parallel.world()} data-parallel workers: every step this
     * trainer takes its slice of the global batch ({@code data.batch}) and averages gradients with the others
     * ({@link DataParallel}). Call before {@link #run}; only worker 0 should write the run folder that is kept.
     */
    public void distribute(DataParallel parallel) {
        parallel.checkBatch(config.data().batch());
        runner.parallel = parallel;
    }

    /** Called after each phase's optimizer step, inside the step's scope; tests check gradients with it. */
    public void observePhases(BiConsumer<Phase, Players> observer) {
        runner.observer = observer;
    }

    /** Also stops (cleanly: final grid and checkpoint) once {@code budget} is used up; see {@link TimeBudget}. */
    public void stopAfter(TimeBudget budget) {
        this.budget = budget;
    }

    /**
     * Loads the newest checkpoint that loads, after putting the run folder in order: see {@link RunRecovery}. The
     * config must describe the folder's run: only the schedule, guard, optim and reg settings (but reg.spectralNorm)
     * may differ from its config.json.
     */
    public TrainState resume() throws IOException {
        identity.checkResume();
        state = recovery.resume(players, optimizers, ema, config.guard());
        identity.resumed();
        rates.apply(state.lrScale());
        return state;
    }

    /**
     * After {@link #resume}: the settings this resume trains with otherwise than the run's config.json, which keeps
     * the run's first settings ("key: old -> new"; a new length left out). {@link #run} records them in stats.jsonl
     * as a "resume_settings" event.
     */
    public List<String> changedOnResume() {
        return identity.changedOnResume();
    }

    /** Trains until the schedule's step or epoch limit (or the {@link #stopAfter} budget); returns the counters. */
    public TrainState run(TrainListener listener) throws IOException {
        listener = this.listener = new HealthWatch(listener, config, samples);  // always-on dead-run alarms
        identity.checkStart();  // before anything in the folder is touched
        recovery.cleanIfRun();
        identity.claim(state.step(), () -> Provenance.of(config.seed(), data, variant.citation()));
        data.save(run.path());  // what reading generated items back needs (a table's transformer)
        if (conditioning != null) {
            conditioning.save(run.path());  // what sampling by condition needs later (a vocabulary, the prompts)
        }
        if (Checkpoints.latest(run.path()).isEmpty()) {
            checkpoint();  // the step-0 checkpoint a divergence can roll back to
        }
        var sch = config.schedule();
        listener.attached(this);
        listener.started(state, totalSteps());
        StatsAccumulator acc = new StatsAccumulator();
        BatchCursor cursor = new BatchCursor(batches, state.epoch(), state.batchInEpoch());
        boolean wroteFinal = false;
        budget.start();
        try (StatsWriter stats = new StatsWriter(run.statsFile())) {
            statsWriter = stats;
            recovery.report(this::logEvent);
            identity.report(this::logEvent);
            while (!done()) {
                if (guard.stopPending()) {
                    listener.sampleWritten(writeSamples());
                    guard.checkStop();
                }
                String alarmRollback = guard.takeRollback();
                if (alarmRollback != null) {
                    cursor = rollback(alarmRollback, acc);
                    continue;
                }
                rates.schedule(state.step(), totalSteps(), state.lrScale());
                Map<String, Double> s;
                try {
                    s = runner.run(state.step(), cursor);
                } catch (TrainingDivergedException e) {
                    cursor = rollback(e.getMessage(), acc);
                    continue;
                } catch (NumericsException e) {
                    throw NumericsRefusal.naming(e, players.nets());
                }
                state = new TrainState(state.step() + 1, cursor.epoch(), cursor.batch(), state.lrScale(),
                        state.rollbacks());
                acc.add(s, (long) batches.batchSize() * Math.max(1, config.optim().dSteps()));
                listener.stepDone(state, s);
                long step = state.step();
                wroteFinal = done();
                if (step % sch.logEvery() == 0 || wroteFinal) {
                    Map<String, Object> lr = new LinkedHashMap<>();
                    optimizers.forEach((g, o) -> lr.put("lr/" + g, Optimizers.lr(o)));
                    Map<String, Object> rec = acc.drain(step, cursor.epochProgress(), lr);
                    stats.write(rec);
                    listener.logged(rec);
                }
                if (step % sch.sampleEvery() == 0 || wroteFinal) {
                    listener.sampleWritten(writeSamples());
                }
                if (step % sch.checkpointEvery() == 0 || wroteFinal) {
                    listener.checkpointWritten(checkpoint());
                }
            }
            if (!wroteFinal) {
                // A target already reached, or a time budget that ran out: still leave a grid to look at (inside the
                // try, so that an alarm this grid raises is logged like any other).
                listener.sampleWritten(writeSamples());
            }
        } catch (TrainingDivergedException | TrainingStoppedException e) {
            recovery.recordStop(guard.stop(), e);  // so that a resume knows, and does not replay the stop
            throw e;
        } finally {
            statsWriter = null;
        }
        listener.finished(state);
        return state;
    }

    /** Restores the latest checkpoint with lower learning rates, or stops when out of rollbacks. */
    private BatchCursor rollback(String reason, StatsAccumulator acc) throws IOException {
        guard.checkCanRollBack(reason, state);
        TrainState failed = state;
        Path ckpt = Checkpoints.latest(run.path()).orElseThrow();
        state = guard.afterRollback(failed, Checkpoints.load(ckpt, players, optimizers, ema));
        Checkpoints.writeState(ckpt, state);  // the guard's state goes with the checkpoint the run now stands on
        rates.apply(state.lrScale());
        acc.reset();
        logEvent(RunGuard.rollbackEvent(reason, failed, state));
        return new BatchCursor(batches, state.epoch(), state.batchInEpoch());
    }

    /**
     * Raises an alarm (e.g. kind "collapse"): it is logged to stats.jsonl and then, per {@code guard.onCollapse},
     * only warned about, answered with a rollback before the next step, or answered by stopping the run.
     */
    public void alarm(String kind, String message) {
        logEvent(guard.alarm(kind, message, state.step()));
    }

    /**
     * Appends an event (an alarm, a rollback, an evaluation summary) to stats.jsonl, stamped with the current step.
     * Only valid while {@link #run} is running, e.g. from a listener.
     */
    public void logEvent(Map<String, Object> event) {
        if (statsWriter == null) {
            throw new IllegalStateException("logEvent is only available while training runs");
        }
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("step", state.step());
        rec.putAll(event);
        rec.put("time", System.currentTimeMillis() / 1000.0);
        statsWriter.write(rec);
        listener.event(rec);
    }

    /** The global step at which training will stop. */
    public long totalSteps() {
        // each critic step takes a batch, so an epoch has fewer generator steps with dSteps > 1
        return config.schedule().totalSteps(batches.batchesPerEpoch() / Math.max(1, config.optim().dSteps()));
    }

    private boolean done() {
        return state.step() >= totalSteps() || budget.expired();
    }

    /**
     * The images of the fixed latent batch (the one the sample grids show) from the sampling generator, in [-1, 1];
     * the tensor belongs to the caller's scope. Evaluation listeners measure diversity on it.
     */
    public Tensor generateFixedBatch() {
        return samples.generate(samplingGenerator());
    }

    /** Writes the grid of the fixed latent batch for the current step and returns its path. */
    public Path writeSamples() throws IOException {
        return samples.write(run, state.step(), samplingGenerator(), players);
    }

    /** Writes a checkpoint of the current state and prunes old ones. */
    public Path checkpoint() throws IOException {
        Path dir = run.checkpoint(state.step());
        Checkpoints.save(dir, players, optimizers, ema, state);
        Checkpoints.prune(run.path(), config.schedule().keepCheckpoints());
        return dir;
    }

    /** Writes the current state as the named checkpoint (e.g. "best"), which pruning never deletes. */
    public Path checkpointAs(String name) throws IOException {
        Path dir = run.checkpointsDir().resolve(name);
        Checkpoints.save(dir, players, optimizers, ema, state);
        return dir;
    }

    @Override
    public void close() {
        samples.close();
        optimizers.values().forEach(Adam::close);
        if (ema != null) {
            ema.close();
        }
        players.close();
    }
}
