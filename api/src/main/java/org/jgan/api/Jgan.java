package org.jgan.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.jgan.api.i2i.ImageToImageRun;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.metrics.eval.EvalRecord;
import org.jgan.metrics.source.DatasetSource;
import org.jgan.core.config.Presets;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.config.TrainConfigBuilder;
import org.jgan.core.train.Provenance;
import org.jgan.metrics.FidStats;
import org.jgan.models.RunGenerator;
import org.jgan.models.Variants;

/**
 * The entry point of jgan's Java API: configure, train, resume and load generative adversarial networks.
 *
 * <pre>{@code
 * TrainConfig cfg = Jgan.config("dcgan").epochs(1).build();            // Radford et al. 2015
 * TrainingResult done = Jgan.train(cfg, Path.of("runs/demo")).run();   // writes the run folder
 * try (GanModel g = Jgan.load(Path.of("runs/demo"))) {
 *     g.sample(64, 7).writeGrid(Path.of("grid.png"));
 *     System.out.println(g.evaluate(Evaluation.against("fashion-mnist:test").samples(2000)).fid());
 * }
 * }</pre>
 *
 * <p>libtorch loads itself on first use (once per JVM, thread-safe). Errors are unchecked: {@link ConfigException}
 * for a bad setting or folder, {@code org.jgan.core.data.DataException} for unreadable data; {@link IOException}
 * when a file cannot be read or written.
 */
public final class Jgan {
    static {
        Wiring.ensure();
    }

    private Jgan() {
    }

    /**
     * A config builder starting from the preset of {@code model} (dcgan, dcgan-ema, cgan, pix2pix,
     * cyclegan, srgan, stylegan2, stylegan2-cond), or from the DCGAN preset for a model without its own (vanilla).
     */
    public static TrainConfigBuilder config(String model) {
        TrainConfigBuilder b = TrainConfigBuilder.forModel(model);
        if (!Variants.all().containsKey(b.build().model().name())) {
            throw new ConfigException("unknown model '" + model + "'; known: " + models());
        }
        return b;
    }

    /** A new training run of {@code config} written into {@code runDir} (which must not hold a run yet). */
    public static Training train(TrainConfig config, Path runDir) {
        ConfigException.check(config != null, "config is null");
        Variants.byName(config.model().name());
        return new Training(config, runDir, false);
    }

    /** Continues the run in {@code runDir} from its newest checkpoint, as it was configured. */
    public static Training resume(Path runDir) {
        ConfigException.check(runDir != null, "run folder is null");
        return new Training(Training.runConfig(runDir), runDir, true);
    }

    /**
     * Continues the run in {@code runDir} with {@code config}: the run's own config with a new length or other
     * settings a resume may change (schedule, guard); the trainer refuses a config that describes another run.
     */
    public static Training resume(Path runDir, TrainConfig config) {
        ConfigException.check(runDir != null, "run folder is null");
        ConfigException.check(config != null, "config is null");
        Training.runConfig(runDir);
        return new Training(config, runDir, true);
    }

    /** Loads the generator of the run in {@code runDir}: its newest checkpoint, EMA weights when it has them. */
    public static GanModel load(Path runDir) throws IOException {
        return load(runDir, null, true);
    }

    /**
     * Loads the generator of {@code runDir} from {@code checkpoint} ("latest", "best", "step-000500", "500", or null
     * for the latest), the EMA weights when the run has them and {@code preferEma}.
     */
    public static GanModel load(Path runDir, String checkpoint, boolean preferEma) throws IOException {
        ConfigException.check(runDir != null, "run folder is null");
        return new GanModel(runDir, RunGenerator.load(runDir, checkpoint, preferEma));
    }

    /**
     * Loads an image-to-image run (pix2pix, cyclegan, srgan) to translate or upscale images, with the quality
     * figures (L1, PSNR, SSIM, cycle consistency) of {@code org.jgan.api.i2i}.
     */
    public static ImageToImageRun loadImageToImage(Path runDir) throws IOException {
        ConfigException.check(runDir != null, "run folder is null");
        return ImageToImageRun.load(runDir);
    }

    /**
     * The Fréchet Inception Distance (Heusel et al. 2017) between two sources, each a {@code .npz} of statistics
     * (pytorch-fid's files load as they are), a run folder ({@code RUN} or {@code RUN@CHECKPOINT}; sampled as
     * {@code options} say) or a data spec (IDX file or folder, image folder, fashion-mnist[:test]).
     */
    public static FidComparison fid(String a, String b, FidOptions options) throws IOException {
        ConfigException.check(a != null && b != null && options != null, "FID needs two sources and options");
        return FidSources.fid(a, b, options);
    }

    /**
     * The FID statistics (mean and covariance of the features) of a run folder or a data spec, as {@link #fid} takes
     * them; {@code FidStats.save} writes them as a pytorch-fid {@code .npz}.
     */
    public static FidStats stats(String source, FidOptions options) throws IOException {
        ConfigException.check(source != null && options != null, "FID statistics need a source and options");
        return FidSources.stats(source, options);
    }

    /**
     * Evaluates images that were not generated by a jgan run (another tool's samples, a data set) exactly as
     * {@link GanModel#evaluate} evaluates a run: the first {@code e.samples()} images of {@code images} (a folder of IDX
     * files or images, an IDX file) against {@code e.reference()}, which must be given. When the images carry labels (an
     * IDX labels file beside them) the record has the share the classifier assigns to those labels and, when the
     * reference is labelled too, their within-class diversity. Nothing is written; the record's step is -1 and its
     * checkpoint null.
     */
    public static EvalRecord evaluateImages(String images, Evaluation e) throws IOException {
        ConfigException.check(images != null && !images.isBlank(), "images to evaluate are not named");
        ConfigException.check(e != null && e.reference() != null, "evaluating images needs the real data to compare "
                + "them with (the evaluation's reference, e.g. fashion-mnist:test)");
        ImageDataset data = DataSources.open(images);
        int n = Math.min(e.samples(), data.size());
        int[] labels = data.labelled() ? data.labels() : null;
        Evaluations.Scored s = Evaluations.score(new DatasetSource(data, n), labels == null ? null : i -> labels[i],
                data.numClasses(), e.reference(), e);
        return new EvalRecord(-1, null, false, s.metrics(), s.classAccuracy(), s.withinClass(), null, null,
                s.floorFid(), e.seed(), System.currentTimeMillis() / 1000.0);
    }

    /** Registered model (variant) names. */
    public static Set<String> models() {
        return new TreeSet<>(Variants.all().keySet());
    }

    /** Preset names. */
    public static Set<String> presets() {
        return new TreeSet<>(Presets.names());
    }

    /** jgan's version (from its pom). */
    public static String version() {
        return Provenance.JGAN_VERSION;
    }
}
