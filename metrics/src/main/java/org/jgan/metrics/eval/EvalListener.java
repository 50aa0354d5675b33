package org.jgan.metrics.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.stats.StatsWriter;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.Seeds;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;
import org.jgan.engine.StepScope;
import org.jgan.metrics.ClassCoverage;
import org.jgan.metrics.Diversity;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.DatasetSource;
import org.jgan.metrics.source.GeneratorSource;

/**
 * Evaluates the sampling generator (EMA when the run has one) every {@code every} steps and at the end of training:
 * appends the metrics to metrics.jsonl, keeps {@code checkpoints/best} at the lowest FID, and watches for mode
 * collapse ({@link CollapseWatch}), raising the trainer's "collapse" alarm (stats.jsonl and the progress log). Every
 * evaluation draws the same latents (seeded from the run's seed), so values over time differ only by the generator.
 * On resume it reads metrics.jsonl back, so the best FID and the collapse history survive restarts.
 */
public final class EvalListener implements TrainListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FeatureExtractor fx;
    private final Reference ref;
    private final int every;
    private final int count;
    private final Consumer<String> log;
    private final CollapseWatch watch = new CollapseWatch();
    private Trainer trainer;
    private long totalSteps;
    private long lastEvaluated = -1;
    private double bestFid = Double.POSITIVE_INFINITY;

    public EvalListener(FeatureExtractor fx, Reference ref, int every, int count, Consumer<String> log) {
        if (every < 1 || count < 2) {
            throw new org.jgan.core.config.ConfigException("evaluation needs every >= 1 step and count >= 2 "
                    + "samples, got " + every + " and " + count);
        }
        if (fx.dim() > 0 && count <= fx.dim()) {
            throw new org.jgan.core.config.ConfigException(count + " evaluation samples are too few for " + fx.dim()
                    + "-d features: FID needs at least " + (fx.dim() + 1) + " samples (10000 recommended)");
        }
        this.fx = fx;
        this.ref = ref;
        this.every = every;
        this.count = count;
        this.log = log;
        FidStats.sampleWarning("evaluation", count).ifPresent(log);
    }

    @Override
    public void attached(Trainer t) {
        this.trainer = t;
        if (t.data().images() == null) {
            throw new org.jgan.core.config.ConfigException("image evaluation during training needs image data; "
                    + t.data().name() + " holds " + t.data().items());
        }
        DataShape s = t.data().shape();
        fx.check(t.data().name(), s.channels(), s.height(), s.width());
        restoreHistory(t.run().metricsFile());
    }

    @Override
    public void started(TrainState state, long total) {
        this.totalSteps = total;
    }

    @Override
    public void stepDone(TrainState state, Map<String, Double> stats) {
        long step = state.step();
        if ((step % every == 0 || step == totalSteps) && step != lastEvaluated) {
            lastEvaluated = step;
            try {
                evaluate(step);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (org.jgan.core.data.DataException e) {
                // A generator that emits NaN is a finding about training, not a reason to stop it: report it.
                log.accept("WARNING: evaluation at step " + step + " failed: " + e.getMessage());
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("event", "warning");
                ev.put("warning", "eval_failed");
                ev.put("message", e.getMessage());
                trainer.logEvent(ev);
            }
        }
    }

    /** Best FID seen in this run so far (infinite before the first evaluation). */
    public double bestFid() {
        return bestFid;
    }

    private void evaluate(long step) throws IOException {
        long t0 = System.nanoTime();
        var cfg = trainer.config();
        DataShape shape = trainer.data().shape();
        long seed = Seeds.derive(cfg.seed(), "eval", 0);
        FeatureSet fake;
        try (GeneratorSource src = new GeneratorSource(trainer.samplingGenerator(),
                trainer.run().path().getFileName() + "@step-" + step, cfg.model().latentDim(), shape, count, seed)) {
            fake = FeatureRunner.extract(fx, src);
        }
        EvalResult r = Evaluator.evaluate(fake, ref, Seeds.derive(cfg.seed(), "eval-kid", 0), t0);
        double diversity = fixedBatchDiversity();
        boolean best = r.fid() < bestFid;
        EvalRecord rec = new EvalRecord(step, null, cfg.optim().emaBeta() > 0, r, null, diversity, best, null, seed,
                System.currentTimeMillis() / 1000.0);
        if (best) {
            bestFid = r.fid();
            trainer.checkpointAs("best");
        }
        try (StatsWriter w = new StatsWriter(trainer.run().metricsFile())) {
            w.write(rec.toMap());
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "eval");
        event.put("Metrics/fid", r.fid());
        event.put("Metrics/kid", r.kid().mean());
        event.put("Metrics/diversity", diversity);
        if (r.coverage() != null) {
            event.put("Metrics/coverage", r.coverage().covered());
            event.put("Metrics/class_entropy", r.coverage().entropy());
        }
        trainer.logEvent(event);
        log.accept(String.format("eval step %d: FID %.3f  KID %.5f  IS %s  precision %.3f  recall %.3f  coverage %s"
                        + "  diversity %.3f%s  (%.1f s)", step, r.fid(), r.kid().mean(),
                r.is() == null ? "-" : String.format("%.3f", r.is().mean()), r.pr().precision(), r.pr().recall(),
                r.coverage() == null ? "-" : r.coverage().covered() + "/" + r.coverage().classes(), diversity,
                best ? "  (new best: checkpoints/best)" : "", r.seconds()));
        List<String> warnings = watch.observe(r.coverage(), diversity);
        for (String w : warnings) {
            // Logged to stats.jsonl as {"alarm": "collapse", ...} and shown by the trainer's listeners (one line,
            // not a second one here); the trainer then warns, rolls back or stops.
            trainer.alarm("collapse", w);
        }
    }

    /** Diversity of the fixed latent batch relative to as many reference images. */
    private double fixedBatchDiversity() {
        byte[] bytes;
        long n;
        try (StepScope s = StepScope.open()) {
            Tensor imgs = trainer.generateFixedBatch();
            n = imgs.size(0);
            bytes = ImageGrid.toBytes(imgs);
        }
        if (n < 2) {
            return Double.NaN;
        }
        ImageDataset d = trainer.data().images();
        ImageDataset fixed = new ImageDataset("fixed latent batch", d.channels(), d.height(), d.width(), bytes,
                null, List.of());
        FeatureSet f = FeatureRunner.extract(fx, new DatasetSource(fixed));
        return Diversity.relative(f, ref.features().head((int) n));
    }

    private void restoreHistory(Path metrics) {
        if (!Files.isRegularFile(metrics)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(metrics)) {
                JsonNode j;
                try {
                    j = JSON.readTree(line);
                } catch (IOException e) {
                    continue; // a torn last line
                }
                if (j == null || !j.has("fid") || !j.has("step")) {
                    continue;
                }
                // Only training evaluations (they carry "best") made the same way compete for checkpoints/best.
                boolean comparable = fx.name().equals(j.path("features").asText())
                        && ref.name().equals(j.path("reference").asText()) && j.path("samples").asInt() == count;
                if (!comparable) {
                    continue;
                }
                if (j.has("best") && j.get("fid").isNumber()) {
                    bestFid = Math.min(bestFid, j.get("fid").asDouble());
                }
                JsonNode c = j.path("coverage");
                ClassCoverage cov = c.has("histogram") ? ClassCoverage.of(JSON.convertValue(c.get("histogram"),
                        int[].class)) : null;
                watch.remember(cov, j.path("diversity").asDouble(Double.NaN));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metrics, e);
        }
    }
}
