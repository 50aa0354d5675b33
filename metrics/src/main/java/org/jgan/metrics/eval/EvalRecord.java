package org.jgan.metrics.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgan.metrics.WithinClassDiversity;

/**
 * One line of a run's metrics.jsonl, written the same way by evaluation during training ({@link EvalListener}) and by
 * evaluating a finished run (the API's {@code GanModel.evaluate}, {@code jgan eval}): every key is always present, null
 * where it does not apply, so readers need one schema.
 *
 * @param step          global step of the evaluated weights
 * @param checkpoint    checkpoint folder name the weights came from; null during training (the live weights)
 * @param ema           true when the EMA weights were evaluated
 * @param metrics       FID (Heusel et al. 2017), KID (Binkowski et al. 2018), IS (Salimans et al. 2016),
 *                      precision/recall (Kynkaanniemi et al. 2019), coverage
 * @param classAccuracy share of conditional samples the classifier assigns to the class they were drawn for; null
 *                      when the run is not conditional or the features have no classifier head
 * @param withinClass   for class-labelled samples against a labelled reference: per class, the samples' mean
 *                      pairwise feature distance over the real images' ({@link WithinClassDiversity}); null when
 *                      the samples or the reference have no labels, or no class has 2 images on both sides
 * @param diversity     mean pairwise distance within the fixed sample batch; null when not measured
 * @param best          during training: whether this is the lowest FID so far (then checkpoints/best); else null
 * @param floorFid      FID of the train split against the test split; null when not computed
 * @param text          text-to-image runs: agreement with the prompts and R-precision; null otherwise
 * @param seed          latent seed of the samples
 * @param time          when, in seconds since the epoch
 */
public record EvalRecord(long step, String checkpoint, boolean ema, EvalResult metrics, Double classAccuracy,
                         WithinClassDiversity withinClass, Double diversity, Boolean best, Double floorFid,
                         org.jgan.metrics.text.TextScores text, long seed, double time) {
    /** A record without text agreement (the constructor of releases before it). */
    public EvalRecord(long step, String checkpoint, boolean ema, EvalResult metrics, Double classAccuracy,
                      WithinClassDiversity withinClass, Double diversity, Boolean best, Double floorFid, long seed,
                      double time) {
        this(step, checkpoint, ema, metrics, classAccuracy, withinClass, diversity, best, floorFid, null, seed, time);
    }

    /** A record without within-class diversity (the constructor of releases before it). */
    public EvalRecord(long step, String checkpoint, boolean ema, EvalResult metrics, Double classAccuracy,
                      Double diversity, Boolean best, Double floorFid, long seed, double time) {
        this(step, checkpoint, ema, metrics, classAccuracy, null, diversity, best, floorFid, null, seed, time);
    }

    /** Fréchet Inception Distance (lower is better). */
    public double fid() {
        return metrics.fid();
    }

    /** Kernel Inception Distance, mean over subsets. */
    public double kid() {
        return metrics.kid().mean();
    }

    /** Improved precision (fidelity of the samples). */
    public double precision() {
        return metrics.pr().precision();
    }

    /** Improved recall (diversity of the samples). */
    public double recall() {
        return metrics.pr().recall();
    }

    /** Mean within-class diversity ratio over the classes scored (1 = as varied as real images); null if absent. */
    public Double withinClassDiversity() {
        return withinClass == null ? null : withinClass.mean();
    }

    /** The JSON object of metrics.jsonl, in a stable key order. */
    public Map<String, Object> toMap() {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("step", step);
        rec.put("checkpoint", checkpoint);
        rec.put("ema", ema);
        rec.putAll(metrics.toMap());
        rec.put("class_accuracy", classAccuracy);
        rec.put("within_class_diversity", withinClassDiversity());
        rec.put("within_class_diversity_per_class", withinClass == null ? null : withinClass.perClass());
        rec.put("diversity", diversity);
        rec.put("best", best);
        rec.put("floor_fid", floorFid);
        rec.put("text_agreement", text == null ? null : text.toMap());
        rec.put("seed", seed);
        rec.put("time", time);
        return rec;
    }
}
