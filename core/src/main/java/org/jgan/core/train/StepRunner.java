package org.jgan.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.Mirror;
import org.jgan.core.loss.GanLoss;
import org.jgan.engine.Precision;
import org.jgan.engine.StepScope;

/**
 * Runs the phases of one training step. The only place that runs backward and steps optimizers: before a phase it
 * freezes every group but the phase's own, after it it clears the gradients, and after the step it updates the EMA.
 */
final class StepRunner {
    private final TrainConfig config;
    private final TrainingData data;
    private final Players players;
    private final Map<String, Adam> optimizers;
    private final List<Phase> phases;
    private final GanLoss loss;
    private final Ema ema;
    private final Conditioning conditioning;
    BiConsumer<Phase, Players> observer = (p, pl) -> { };
    /** Data-parallel workers (null: one trainer). */
    DataParallel parallel;

    StepRunner(TrainConfig config, TrainingData data, Players players, Map<String, Adam> optimizers,
               List<Phase> phases, GanLoss loss, Ema ema, Conditioning conditioning) {
        this.config = config;
        this.data = data;
        this.players = players;
        this.optimizers = optimizers;
        this.phases = phases;
        this.loss = loss;
        this.ema = ema;
        this.conditioning = conditioning;
    }

    /** One step at global {@code step}, taking as many batches from {@code cursor} as it has critic steps. */
    Map<String, Double> run(long step, BatchCursor cursor) {
        try (StepScope scope = StepScope.open();
             Precision.Scope precision = Precision.use(config.model().precisionMode())) {
            // Layers that draw from libtorch's global generator (pix2pix's dropout) replay exactly on resume too.
            org.bytedeco.pytorch.global.torch.manual_seed(Seeds.derive(config.seed(), "global", step));
            players.train(true);
            Map<String, Double> stats = new LinkedHashMap<>();
            int criticSteps = phases.stream().anyMatch(Phase::critic) ? config.optim().dSteps() : 1;
            StepContext ctx = null;
            for (int rep = 0; rep < criticSteps; rep++) {
                ctx = context(step, rep, cursor.next());
                for (Phase p : phases) {
                    if (p.critic() && p.runsAt(step)) {
                        runPhase(p, ctx, step);
                    }
                }
                mergeMean(stats, ctx.stats(), rep);
            }
            Map<String, Double> before = new LinkedHashMap<>(ctx.stats());
            for (Phase p : phases) {
                if (!p.critic() && p.runsAt(step)) {
                    runPhase(p, ctx, step);
                }
            }
            ctx.stats().forEach((k, v) -> {
                if (!v.equals(before.get(k))) {
                    stats.put(k, v);
                }
            });
            for (String g : players.groups().keySet()) {
                players.setTrainable(g, true);
            }
            if (ema != null) {
                ema.update(players.generator(), step);
            }
            return stats;
        }
    }

    private StepContext context(long step, int rep, int[] idx) {
        // Data-parallel: the condition and rows are drawn for the global batch, as one trainer draws them, then each
        // worker keeps its slice (so the workers' union is exactly the single trainer's batch).
        int[] global = idx;
        Tensor condition;
        if (conditioning != null) {
            ConditionedRows drawn = conditioning.draw(idx, Seeds.derive(config.seed(), "condition", step * 1000 + rep));
            idx = drawn.rows();
            condition = drawn.condition();
        } else {
            condition = data.labels(idx);
        }
        if (parallel != null) {
            int b = idx.length / parallel.world();
            idx = parallel.slice(idx);
            condition = condition == null ? null : condition.narrow(0, (long) parallel.rank() * b, b);
        }
        Tensor real = data.batch(idx);
        if (config.data().mirror() && data.images() != null) {
            real = Mirror.apply(real, Seeds.derive(config.seed(), "mirror", step * 1000 + rep));
        }
        StepContext ctx = new StepContext(players, loss, config, real, condition,
                Seeds.derive(config.seed(), "step", step * 1000 + rep), step);
        ctx.conditionedBy(conditioning);
        if (parallel != null) {
            ctx.sliceOf(global.length, parallel.rank() * (global.length / parallel.world()));
        }
        return ctx;
    }

    private void runPhase(Phase phase, StepContext ctx, long step) {
        for (String g : players.groups().keySet()) {
            players.setTrainable(g, g.equals(phase.group()));
        }
        Adam opt = optimizers.get(phase.group());
        opt.zero_grad(true);
        Tensor l = phase.loss().compute(ctx);
        if (l == null) {
            return;  // the phase has nothing to learn this step
        }
        double v = l.item_double();
        if (!Double.isFinite(v) || Math.abs(v) > config.guard().maxLoss()) {
            throw new TrainingDivergedException("phase " + phase.name() + " gave a loss of " + v + " at step "
                    + step + (Double.isFinite(v) ? " (beyond guard.maxLoss " + config.guard().maxLoss() + ")" : ""));
        }
        l.backward();
        if (parallel != null) {
            averageGradients(phase.group());
        }
        opt.step();
        // Gradients never outlive their phase: the next phase, and the next step, start clean.
        opt.zero_grad(true);
        observer.accept(phase, players);
    }

    /**
     * Averages the gradients of {@code group} across the data-parallel workers in one flat all-reduce: the parameters
     * with a gradient this phase (the same on every worker, as the graphs are the same), concatenated.
     */
    private void averageGradients(String group) {
        org.bytedeco.pytorch.TensorVector params = players.parameters(group);
        java.util.List<Tensor> grads = new java.util.ArrayList<>();
        for (long i = 0; i < params.size(); i++) {
            Tensor g = params.get(i).grad();
            if (g.defined()) {
                grads.add(g);
            }
        }
        if (grads.isEmpty()) {
            return;
        }
        org.bytedeco.pytorch.TensorVector flat = new org.bytedeco.pytorch.TensorVector();
        grads.forEach(g -> flat.push_back(g.reshape(-1)));
        Tensor all = org.bytedeco.pytorch.global.torch.cat(flat, 0);
        parallel.sync().average(all);
        long at = 0;
        for (Tensor g : grads) {
            long n = g.numel();
            g.copy_(all.narrow(0, at, n).view_as(g));
            at += n;
        }
    }

    /** Averages the stats of repeated critic steps into {@code into}. */
    private static void mergeMean(Map<String, Double> into, Map<String, Double> rep, int index) {
        rep.forEach((k, v) -> into.merge(k, v, (a, b) -> a + (b - a) / (index + 1)));
    }
}
