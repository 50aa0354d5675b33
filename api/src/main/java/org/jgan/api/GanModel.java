package org.jgan.api;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.jgan.api.synthetic.ExportFormat;
import org.jgan.api.synthetic.LabelledGenerator;
import org.jgan.api.synthetic.SyntheticSets;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.clips.Clips;
import org.jgan.core.data.table.Table;
import org.jgan.core.train.DataShape;
import org.jgan.metrics.eval.EvalRecord;
import org.jgan.models.RunGenerator;
import org.jgan.models.mocogan.MoCoGan;
import org.jgan.models.timegan.SeriesData;
import org.jgan.models.timegan.SeriesWindows;
import org.jgan.models.timegan.TimeGan;
import org.jgan.models.stylegan2.StyleMixing;

/**
 * A trained generator loaded from its run folder: samples images by seed (by class for conditional runs, with
 * truncation for style-based ones), walks between seeds, mixes styles and projects images (style-based runs) and
 * evaluates itself. Holds native memory: close it (try-with-resources).
 * Made by {@link Jgan#load}.
 */
public final class GanModel implements AutoCloseable {
    /** What {@link #makes} says of a run that makes images. */
    public static final String IMAGES = "images";

    private final Path runDir;
    private final RunGenerator generator;
    private final RunSamplers samplers;

    GanModel(Path runDir, RunGenerator generator) {
        this.runDir = runDir;
        this.generator = generator;
        this.samplers = new RunSamplers(generator, runDir);
    }

    /** The run's config. */
    public TrainConfig config() {
        return generator.config();
    }

    /** Channels, height, width and class count of the images. */
    public DataShape shape() {
        return generator.shape();
    }

    /** Class names of the training data (empty for unlabelled data). */
    public List<String> classes() {
        return generator.classNames();
    }

    /** True when the generator takes a class (cgan, stylegan2-cond). */
    public boolean conditional() {
        return generator.conditional();
    }

    /** True for a run conditioned on text (text2image): it generates from sentences, {@link #generate}. */
    public boolean textConditioned() {
        return Files.isRegularFile(runDir.resolve(org.jgan.models.text2image.TextConditioning.VOCABULARY));
    }

    /**
     * {@code perPrompt} images of each of {@code prompts}, one grid row per prompt, from latent seed {@code seed}
     * (text2image runs). Words the run never saw read as unknown and longer prompts keep their first words: see
     * {@link #promptWarnings}; an empty prompt is refused.
     */
    public Samples generate(List<String> prompts, int perPrompt, long seed) {
        return TextPrompts.generate(generator, runDir, prompts, perPrompt, seed);
    }

    /** What reading {@code prompts} with the run's vocabulary changes (unknown words, cut length), one line each. */
    public List<String> promptWarnings(List<String> prompts) {
        return TextPrompts.warnings(runDir, prompts);
    }

    /** True when the generator is style-based (stylegan2): truncation, style mixing, walks in w, projection. */
    public boolean styleBased() {
        return generator.generator() instanceof org.jgan.core.nn.StyleGenerator;
    }

    /** The class index of {@code cls}: an index or a class name, case-insensitive; conditional runs only. */
    public int classIndex(String cls) {
        return generator.classIndex(cls);
    }

    /** The checkpoint folder the weights came from. */
    public Path checkpoint() {
        return generator.checkpoint();
    }

    /** True when the weights are the EMA copy. */
    public boolean ema() {
        return generator.ema();
    }

    /** What loading had to work around (a damaged newest checkpoint), one line each. */
    public List<String> warnings() {
        return generator.warnings();
    }

    /** True for a run that makes table rows (ctgan): it samples with {@link #sampleRows}. */
    public boolean tabular() {
        return shape().spans() != null;
    }

    /**
     * {@code n} table rows from latent seed {@code seed} (tabular runs), each with the column values {@code where}
     * asks for (categorical or boolean column to category; empty map for none): exactly {@code n} rows, all matching,
     * the same for the same seed. Unless {@code calibrated} is false, numbers are calibrated to the training rows'
     * distributions ({@link org.jgan.core.data.table.MarginalCalibration}) and rows keep the orderings every training
     * row keeps ({@link org.jgan.core.data.table.OrderRules}); {@link #rowsNote} says which. Write them with
     * {@link Table#writeCsv}.
     */
    public Table sampleRows(int n, long seed, java.util.Map<String, String> where, boolean calibrated) {
        requireTabular();
        ConfigException.check(n >= 1 && n <= 10_000_000, "number of rows must be in 1..10000000, got " + n);
        return samplers.table().sample(n, seed, where, calibrated);
    }

    /** {@link #sampleRows(int, long, java.util.Map, boolean)}, calibrated. */
    public Table sampleRows(int n, long seed, java.util.Map<String, String> where) {
        return sampleRows(n, seed, where, true);
    }

    /** What calibrated rows change: the numeric columns calibrated and the orderings kept, or why nothing. */
    public String rowsNote() {
        requireTabular();
        return samplers.table().calibrationNote();
    }

    private void requireTabular() {
        ConfigException.check(tabular(), "this run (" + config().model().name() + ") makes images, not table rows");
    }

    /** True for a run that makes series windows (timegan): it samples with {@link #sampleSeries}. */
    public boolean series() {
        return config().model().name().equals(TimeGan.NAME);
    }

    /**
     * {@code n} series windows from latent seed {@code seed} (timegan runs), in the data's units; write them with
     * {@link SeriesData#writeCsv}.
     */
    public SeriesWindows sampleSeries(int n, long seed) {
        ConfigException.check(series(), "this run (" + config().model().name() + ") does not make series windows");
        ConfigException.check(n >= 1 && n <= 1_000_000, "number of windows must be in 1..1000000, got " + n);
        return samplers.series().sample(n, seed);
    }

    /** True for a run that makes clips (mocogan): it samples with {@link #sampleClips}. */
    public boolean video() {
        return config().model().name().startsWith(MoCoGan.NAME);
    }

    /** What the run makes, in the words of messages: "table rows", "series windows", "clips" or {@link #IMAGES}. */
    public String makes() {
        return tabular() ? "table rows" : series() ? "series windows" : video() ? "clips" : IMAGES;
    }

    /**
     * {@code n} clips from latent seed {@code seed} (mocogan runs); classes cycle 0, 1, 2, ... for a conditional run.
     * Write them with {@link org.jgan.core.image.ClipImages}.
     */
    public Clips sampleClips(int n, long seed) {
        int k = Math.max(1, shape().numClasses());
        return clips(n, seed, i -> i % k);
    }

    /** {@code n} clips of class {@code cls} (an index or a class name, case-insensitive); conditional runs only. */
    public Clips sampleClips(String cls, int n, long seed) {
        int k = generator.classIndex(cls);
        return clips(n, seed, i -> k);
    }

    private Clips clips(int n, long seed, IntUnaryOperator labelOf) {
        ConfigException.check(video(), "this run (" + config().model().name() + ") does not make clips");
        return Draws.clips(generator, runDir.getFileName() + ":" + checkpoint().getFileName(), n, seed,
                labelOf);
    }

    /** The loaded generator, for code that needs the networks themselves. */
    public RunGenerator generator() {
        return generator;
    }

    /** {@code n} images of latent seed {@code seed}; classes cycle 0, 1, 2, ... for conditional runs. */
    public Samples sample(int n, long seed) {
        return sample(n, seed, 1.0);
    }

    /**
     * As {@link #sample(int, long)} with the truncation trick (Karras et al. 2019): each w is pulled towards the mean
     * w by {@code psi}; 1 is none, 0 gives the mean image. Style-based generators only.
     */
    public Samples sample(int n, long seed, double psi) {
        int k = Math.max(1, shape().numClasses());
        return draw(n, seed, i -> i % k, psi, (int) Math.ceil(Math.sqrt(n)));
    }

    /** {@code n} images of class {@code cls} (an index or a class name, case-insensitive); conditional runs only. */
    public Samples sampleClass(String cls, int n, long seed) {
        return sampleClass(cls, n, seed, 1.0);
    }

    /** As {@link #sampleClass(String, int, long)} with truncation {@code psi} (see {@link #sample(int, long, double)}). */
    public Samples sampleClass(String cls, int n, long seed, double psi) {
        int k = generator.classIndex(cls);
        return draw(n, seed, i -> k, psi, (int) Math.ceil(Math.sqrt(n)));
    }

    /** A grid with one row per class, {@code perClass} images each; conditional runs only. */
    public Samples classGrid(int perClass, long seed) {
        return classGrid(perClass, seed, 1.0);
    }

    /** As {@link #classGrid(int, long)} with truncation {@code psi} (see {@link #sample(int, long, double)}). */
    public Samples classGrid(int perClass, long seed, double psi) {
        ConfigException.check(perClass >= 1, "images per class must be at least 1, got " + perClass);
        generator.classIndex("0"); // refuses an unconditional run
        return draw(Math.multiplyExact(perClass, shape().numClasses()), seed, i -> i / perClass, psi, perClass);
    }

    /**
     * The w indices named by {@code band}: coarse, middle, fine (Karras et al. 2019's bands, by the resolution each w
     * styles), a range such as "0-3", or a comma list of those. Style-based runs only.
     */
    public int[] styleLayers(String band) {
        return StyleMixing.layers(LatentTools.styleBased(generator, "style mixing"), band);
    }

    /**
     * The style-mixing grid of Karras et al. 2019, Figure 3: for each of {@code bands} (see {@link #styleLayers}),
     * every row seed's image with that band's styles taken from every column seed's latent. Latents come from seeds
     * as in {@link #sample(int, long, double)}, truncated by {@code psi}; {@code cls} is the class of every image
     * (required for conditional runs, null otherwise). Style-based runs only.
     */
    public StyleMix styleMix(List<Long> rowSeeds, List<Long> colSeeds, List<String> bands, double psi, String cls) {
        requireImages();
        return LatentTools.styleMix(generator, rowSeeds, colSeeds, bands, psi, cls);
    }

    /**
     * The frames of a walk from seed to seed ({@link LatentWalk}): (seeds - 1) * steps + 1 images in one row, the
     * first and last the seeds' own images; write them with {@link Samples#writeGrid} and {@link Samples#writeGif}.
     */
    public Samples interpolate(LatentWalk walk) {
        requireImages();
        return LatentTools.interpolate(generator, walk.resolvedFor(this));
    }

    /**
     * Projects {@code target} (the run's image size) into w (Karras et al. 2020, section 5): {@code steps} Adam steps
     * at learning rate {@code lr} from the mean w, towards the smallest pixel error. Unconditional style-based runs.
     */
    public Projection project(BufferedImage target, int steps, double lr) {
        requireImages();
        return LatentTools.project(generator, target, "the image", steps, lr);
    }

    /** As {@link #project(BufferedImage, int, double)} with the target read from a PNG or JPEG file. */
    public Projection project(Path image, int steps, double lr) throws IOException {
        return LatentTools.project(generator, LatentTools.readImage(image), image.toString(), steps, lr);
    }

    /**
     * Evaluates the generator against real data (FID, KID, IS, precision/recall, coverage; class accuracy for
     * conditional runs, and within-class diversity when the reference is labelled too; the real-data floor when
     * comparing with a test split; for a text2image run, images drawn for the test split's captions and their
     * agreement with them and R-precision, {@link org.jgan.metrics.text.TextScores}) and, when {@code e.record()}, appends the
     * result to the run's metrics.jsonl. Features of real data are cached ({@code FeatureCache}).
     */
    public EvalRecord evaluate(Evaluation e) throws IOException {
        requireImages();
        return Evaluations.ofRun(generator, runDir, e, textConditioned());
    }

    /**
     * A labelled synthetic data set: {@code perClass} images of every class, reproducible from {@code seed}
     * (conditional runs only). Mix it with real data ({@code SyntheticSets.mix}), filter it by a classifier's
     * confidence ({@code ConfidenceFilter}) or write it with {@link #exportDataset}.
     */
    public ImageDataset syntheticSet(int perClass, long seed) {
        requireImages();
        return SyntheticSets.generate(LabelledGenerator.of(generator), perClass, seed);
    }

    /** Writes {@link #syntheticSet} into {@code folder} as IDX files, class folders of PNGs or {@code .npy}. */
    public Path exportDataset(int perClass, long seed, ExportFormat format, Path folder) throws IOException {
        format.write(syntheticSet(perClass, seed), folder);
        return folder;
    }

    /** Refuses a run that makes table rows or series: what was asked works on images only. */
    private void requireImages() {
        String instead = video() ? "sample clips (sampleClips) and score them with the video report"
                : tabular() ? "sample rows (sampleRows) and score them with the table report"
                : series() ? "sample windows (sampleSeries) and score them with the series report" : null;
        if (instead != null) {
            throw new ConfigException("this run (" + config().model().name() + ") makes " + makes()
                    + ", not images: " + instead);
        }
    }

    private Samples draw(int n, long seed, IntUnaryOperator labelOf, double psi, int columns) {
        requireImages();
        if (textConditioned()) {
            throw new ConfigException("this run (" + config().model().name() + ") draws images from sentences, not "
                    + "from seeds alone; generate them from prompts (generate)");
        }
        return Draws.images(generator, n, seed, labelOf, psi, columns);
    }

    @Override
    public void close() {
        generator.close();
    }
}
