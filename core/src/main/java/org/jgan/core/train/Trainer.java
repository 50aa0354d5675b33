package org.jgan.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.Batches;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.loss.GanLoss;
import org.jgan.core.loss.Losses;
import org.jgan.core.stats.StatsWriter;
import org.jgan.engine.Optimizers;
import org.jgan.engine.StepScope;

/**
 * The training loop, the same for every variant: per step it runs the variant's phases, and alone runs backward,
 * freezes the networks a phase does not update, steps the optimizers and updates the EMA copy. It writes the run
 * folder: config.json, stats.jsonl, sample grids from one fixed latent batch, and atomic checkpoints.
 */
public final class Trainer implements AutoCloseable {
    private final GanVariant variant;
    private final TrainConfig config;
    private final ImageDataset data;
    private final RunDir run;
    private final Batches batches;
    private final Players players;
    private final Map<String, Adam> optimizers = new LinkedHashMap<>();
    private final Ema ema;
    private final List<Phase> phases;
    private final GanLoss loss;
    private final Tensor fixedZ;
    private final Tensor fixedLabels;
    private TrainState state = TrainState.start();
    private StatsWriter statsWriter;
    private java.util.function.BiConsumer<Phase, Players> phaseObserver = (p, pl) -> { };

    /** Sets up a run in {@code runDir}; call {@link #resume()} to continue from its latest checkpoint. */
    public Trainer(GanVariant variant, TrainConfig config, ImageDataset data, Path runDir) {
        this.variant = variant;
        this.config = config;
        this.data = data;
        this.run = new RunDir(runDir);
        this.loss = Losses.byName(config.model().loss());
        this.batches = new Batches(data, config.data().batch(), config.data().dropLast(),
                Seeds.derive(config.seed(), "data", 0));
        DataShape shape = DataShape.of(data);
        torch.manual_seed(Seeds.derive(config.seed(), "init", 0));
        this.players = variant.build(config, shape, Seeds.derive(config.seed(), "init", 1));
        this.ema = config.optim().emaBeta() > 0
                ? new Ema(variant.buildGenerator(config, shape), players.generator(), config.optim().emaBeta()) : null;
        for (String group : players.groups().keySet()) {
            double lr = group.equals(Players.D) ? config.optim().lrD() : config.optim().lrG();
            optimizers.put(group, Optimizers.adam(players.parameters(group), lr, config.optim().beta1(),
                    config.optim().beta2()));
        }
        this.phases = variant.phases(config);
        int n = config.schedule().sampleCount();
        try (StepScope s = StepScope.open()) {
            StepContext c = new StepContext(players, loss, config, torch.zeros(n, 1), null,
                    Seeds.derive(config.seed(), "samples", 0), 0);
            this.fixedZ = s.keep(c.randn(n, config.model().latentDim()));
            this.fixedLabels = variant.conditional() && shape.numClasses() > 0 ? s.keep(torch.arange(new org.bytedeco.pytorch.Scalar(n))
                    .remainder(new org.bytedeco.pytorch.Scalar(shape.numClasses()))) : null;
        }
    }

    public Players players() {
        return players;
    }

    public Ema ema() {
        return ema;
    }

    public TrainState state() {
        return state;
    }

    public RunDir run() {
        return run;
    }

    /** Called after each phase's optimizer step, inside the step's scope; tests check gradients with it. */
    public void observePhases(java.util.function.BiConsumer<Phase, Players> observer) {
        this.phaseObserver = observer;
    }

    /** Loads the latest checkpoint of the run folder: weights, optimizer state and counters. */
    public TrainState resume() throws IOException {
        Path ckpt = Checkpoints.latest(run.path()).orElseThrow(() ->
                new ConfigException(run.path() + ": has no checkpoint to resume from"));
        state = Checkpoints.load(ckpt, players, optimizers, ema);
        return state;
    }

    /** Trains until the schedule's step or epoch limit and returns the final counters. */
    public TrainState run(TrainListener listener) throws IOException {
        if (state.step() == 0 && !Files.exists(run.configFile())) {
            run.writeConfig(config, Provenance.of(config.seed(), data, variant.citation()));
        }
        var sch = config.schedule();
        long totalSteps = totalSteps();
        listener.attached(this);
        listener.started(state, totalSteps);
        Map<String, Double> sums = new LinkedHashMap<>();
        int counted = 0;
        long t0 = System.nanoTime();
        int[] order = batches.order(state.epoch());
        boolean wroteFinal = false;
        try (StatsWriter stats = new StatsWriter(run.statsFile())) {
            statsWriter = stats;
            while (!done()) {
                int[] idx = batches.indices(order, state.batchInEpoch());
                Map<String, Double> s = step(idx);
                long epoch = state.epoch();
                int b = state.batchInEpoch() + 1;
                if (b >= batches.batchesPerEpoch()) {
                    epoch++;
                    b = 0;
                    order = batches.order(epoch);
                }
                state = new TrainState(state.step() + 1, epoch, b);
                s.forEach((k, v) -> sums.merge(k, v, Double::sum));
                counted++;
                listener.stepDone(state, s);
                long step = state.step();
                wroteFinal = done();
                if (step % sch.logEvery() == 0 || wroteFinal) {
                    double secs = (System.nanoTime() - t0) / 1e9;
                    Map<String, Object> rec = new LinkedHashMap<>();
                    rec.put("step", step);
                    rec.put("epoch", epoch + (double) b / batches.batchesPerEpoch());
                    for (var e : sums.entrySet()) {
                        rec.put(e.getKey(), e.getValue() / counted);
                    }
                    rec.put("img/s", counted * (double) batches.batchSize() / secs);
                    for (var e : optimizers.entrySet()) {
                        rec.put("lr/" + e.getKey(), Optimizers.lr(e.getValue()));
                    }
                    rec.put("time", System.currentTimeMillis() / 1000.0);
                    stats.write(rec);
                    listener.logged(rec);
                    sums.clear();
                    counted = 0;
                    t0 = System.nanoTime();
                }
                if (step % sch.sampleEvery() == 0 || wroteFinal) {
                    listener.sampleWritten(writeSamples());
                }
                if (step % sch.checkpointEvery() == 0 || wroteFinal) {
                    listener.checkpointWritten(checkpoint());
                }
            }
        }
        statsWriter = null;
        if (!wroteFinal) {
            // Asked to train to a step or epoch already reached: still leave a grid for the user to look at.
            listener.sampleWritten(writeSamples());
        }
        listener.finished(state);
        return state;
    }

    /** The global step at which training will stop. */
    public long totalSteps() {
        var sch = config.schedule();
        long byEpochs = sch.epochs() > 0 ? (long) sch.epochs() * batches.batchesPerEpoch() : Long.MAX_VALUE;
        long bySteps = sch.steps() > 0 ? sch.steps() : Long.MAX_VALUE;
        return Math.min(byEpochs, bySteps);
    }

    private boolean done() {
        return state.step() >= totalSteps();
    }

    /** One training step on the images at {@code idx}: every due phase, then the EMA update. */
    Map<String, Double> step(int[] idx) {
        try (StepScope scope = StepScope.open()) {
            players.train(true);
            Tensor real = Batches.images(data, idx);
            Tensor labels = Batches.labels(data, idx);
            StepContext ctx = new StepContext(players, loss, config, real, labels,
                    Seeds.derive(config.seed(), "step", state.step()), state.step());
            for (Phase phase : phases) {
                if (state.step() % phase.every() != 0) {
                    continue;
                }
                for (String g : players.groups().keySet()) {
                    players.setTrainable(g, g.equals(phase.group()));
                }
                Adam opt = optimizers.get(phase.group());
                opt.zero_grad(true);
                Tensor l = phase.loss().compute(ctx);
                double v = l.item_double();
                if (!Double.isFinite(v)) {
                    throw new TrainingDivergedException("phase " + phase.name() + " gave a loss of " + v + " at step "
                            + state.step() + "; try a lower learning rate (--set optim.lrG=..., optim.lrD=...)");
                }
                l.backward();
                opt.step();
                // Gradients never outlive their phase: the next phase, and the next step, start clean.
                opt.zero_grad(true);
                phaseObserver.accept(phase, players);
            }
            for (String g : players.groups().keySet()) {
                players.setTrainable(g, true);
            }
            if (ema != null) {
                ema.update(players.generator());
            }
            return new LinkedHashMap<>(ctx.stats());
        }
    }

    /** The generator to sample and evaluate with: the EMA copy when there is one, else G. */
    public org.jgan.core.nn.GanNet samplingGenerator() {
        return ema != null ? ema.net() : players.generator();
    }

    public TrainConfig config() {
        return config;
    }

    public GanVariant variant() {
        return variant;
    }

    public ImageDataset data() {
        return data;
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
    }

    /** Writes the current state as the named checkpoint (e.g. "best"), which pruning never deletes. */
    public Path checkpointAs(String name) throws IOException {
        Path dir = run.checkpointsDir().resolve(name);
        Checkpoints.save(dir, players, optimizers, ema, state);
        return dir;
    }

    /**
     * The images of the fixed latent batch (the one the sample grids show) from the sampling generator, in [-1, 1];
     * the tensor belongs to the caller's scope. Evaluation listeners measure diversity on it.
     */
    public Tensor generateFixedBatch() {
        return Sampler.generate(samplingGenerator(), fixedZ, fixedLabels);
    }

    /** Writes the grid of the fixed latent batch for the current step and returns its path. */
    public Path writeSamples() throws IOException {
        try (StepScope s = StepScope.open()) {
            Tensor imgs = Sampler.generate(samplingGenerator(), fixedZ, fixedLabels);
            int cols = fixedLabels != null ? DataShape.of(data).numClasses() : 0;
            Path png = run.samplesDir().resolve(String.format("step-%06d.png", state.step()));
            ImageGrid.writePng(ImageGrid.grid(imgs, cols), png);
            return png;
        }
    }

    /** Writes a checkpoint of the current state and prunes old ones. */
    public Path checkpoint() throws IOException {
        Path dir = run.checkpoint(state.step());
        Checkpoints.save(dir, players, optimizers, ema, state);
        Checkpoints.prune(run.path(), config.schedule().keepCheckpoints());
        return dir;
    }

    @Override
    public void close() {
        fixedZ.close();
        if (fixedLabels != null) {
            fixedLabels.close();
        }
        optimizers.values().forEach(Adam::close);
        if (ema != null) {
            ema.close();
        }
        players.close();
    }
}
