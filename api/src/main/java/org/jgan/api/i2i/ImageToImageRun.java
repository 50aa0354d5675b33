package org.jgan.api.i2i;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageFiles;
import org.jgan.models.i2i.ImageToImage;
import org.jgan.models.i2i.TranslationInputs;
import org.jgan.models.i2i.Translator;
import org.jgan.models.srgan.Resampling;

/**
 * A trained pix2pix, CycleGAN or SRGAN run, loaded from its folder, that translates or upscales images:
 * <pre>{@code
 * try (ImageToImageRun run = ImageToImageRun.load(Path.of("runs/edges"))) {
 *     Translation t = run.translate(run.read("data/edges:test", "AtoB", false, 0), "AtoB");
 *     System.out.println(t.againstTargets().summary());
 * }
 * }</pre>
 * Each direction's network is loaded on first use, from one checkpoint; they hold native memory until {@link #close}.
 */
public final class ImageToImageRun implements AutoCloseable {
    /** The largest upscaled image, in pixels (2048 x 2048): its activations take about a gigabyte a layer. */
    public static final long MAX_UPSCALED_PIXELS = 2048L * 2048;
    private final Path dir;
    private final boolean preferEma;
    private final Translator first;
    private final Map<String, Translator> loaded = new LinkedHashMap<>();

    private ImageToImageRun(Path dir, boolean preferEma, Translator first) {
        this.dir = dir;
        this.preferEma = preferEma;
        this.first = first;
        loaded.put(first.direction(), first);
    }

    /** The latest checkpoint of {@code runDir}, with EMA weights where the run has them. */
    public static ImageToImageRun load(Path runDir) throws IOException {
        return load(runDir, null, true);
    }

    /**
     * {@code runDir} at {@code checkpoint} ("latest", "best", "step-000500", "500" or null for the latest); G's EMA
     * weights when the run has them and {@code preferEma}. A ConfigException when the run is not image-to-image.
     */
    public static ImageToImageRun load(Path runDir, String checkpoint, boolean preferEma) throws IOException {
        org.jgan.api.Wiring.ensure();
        return new ImageToImageRun(runDir, preferEma, Translator.load(runDir, checkpoint, null, preferEma));
    }

    /** The network for {@code direction} (AtoB or BtoA), loaded on first use and closed with this run. */
    public Translator translator(String direction) throws IOException {
        Translator t = loaded.get(direction);
        if (t == null) {
            // the checkpoint the first network came from, so a run still training cannot mix two checkpoints
            t = Translator.load(dir, first.checkpoint().getFileName().toString(), direction, preferEma);
            loaded.put(direction, t);
        }
        return t;
    }

    /** The directions the run translates; both when each network has an inverse (CycleGAN). */
    public List<String> directions() {
        return first.directions();
    }

    /** Output side / input side: 1 for translation, 2 or 4 for super-resolution. */
    public int scale() {
        return first.scale();
    }

    /** Whether the run raises the resolution ({@link #upscale}) rather than translating ({@link #translate}). */
    public boolean upscales() {
        return scale() != 1;
    }

    /** The run's resolved training config. */
    public TrainConfig config() {
        return first.config();
    }

    /** The checkpoint folder the weights come from. */
    public Path checkpoint() {
        return first.checkpoint();
    }

    /**
     * The images {@code spec} names, prepared for the {@code direction} network ({@link TranslationInputs#read}):
     * a file, a folder of images or pairs, an unpaired folder or a demo task; {@code sideBySide} reads a folder of
     * A|B images as pairs, {@code limit} > 0 keeps the first images only.
     */
    public TranslationInputs read(String spec, String direction, boolean sideBySide, int limit) throws IOException {
        return TranslationInputs.read(spec, translator(direction), sideBySide, limit);
    }

    /** Image {@code files} resized and given channels as the {@code direction} network's training data was. */
    public TranslationInputs read(List<Path> files, String direction) throws IOException {
        Translator t = translator(direction);
        int[] size = t.inputSize();
        return new TranslationInputs(ImageFiles.read(files, size[0], size[1], t.inputChannels()), null);
    }

    /**
     * Translates {@code inputs} in {@code direction}; with targets, the outputs' {@link Quality} against them; when the
     * run has the inverse network, the cycle: outputs mapped back and compared with the inputs.
     */
    public Translation translate(TranslationInputs inputs, String direction) throws IOException {
        if (upscales()) {
            throw new ConfigException(dir + ": a " + config().model().name() + " run upscales; use upscale");
        }
        Translator t = translator(direction);
        TranslationInputs in = inputs.withChannelsOf(t);
        ImageFiles.Decoded out = ImageBatches.map(in.inputs(), t::apply);
        Quality vsTargets = in.targets() == null ? null : Quality.of(out, in.targets());
        if (!t.hasInverse()) {
            return new Translation(direction, in, out, vsTargets, null, null);
        }
        Translator back = translator(ImageToImage.opposite(direction));
        ImageFiles.Decoded rec = ImageBatches.map(out, back::apply);
        return new Translation(direction, in, out, vsTargets, rec, Quality.of(rec, in.inputs()));
    }

    /** Upscales {@code images} by {@link #scale}, beside bicubic upscaling; no figures (there are no originals). */
    public Upscaling upscale(ImageFiles.Decoded images) {
        Translator t = upscaler();
        long out = (long) images.height() * t.scale() * images.width() * t.scale();
        if (out > MAX_UPSCALED_PIXELS) {
            throw new DataException(String.format("images of %dx%d upscale to %dx%d, %,d pixels each; upscaling "
                    + "holds a whole image's activations at once and takes images of up to %,d pixels after "
                    + "upscaling (inputs of up to %dx%d at this run's factor): crop or downscale them first",
                    images.width(), images.height(),
                    images.width() * t.scale(), images.height() * t.scale(), out, MAX_UPSCALED_PIXELS,
                    2048 / t.scale(), 2048 / t.scale()));
        }
        ImageFiles.Decoded lr = ImageFiles.withChannels(images, t.inputChannels());
        return new Upscaling(t.scale(), lr, ImageBatches.map(lr, x -> Resampling.bicubic(x, t.scale())),
                ImageBatches.map(lr, t::apply), null, null, null);
    }

    /**
     * The super-resolution protocol: {@code originals} are {@link Degrade degraded} by {@link #scale}, upscaled by
     * the network and bicubically, and both results compared with the (cropped) originals.
     */
    public Upscaling degradeAndUpscale(ImageFiles.Decoded originals) {
        int s = upscaler().scale();
        ImageFiles.Decoded hr = Degrade.crop(ImageFiles.withChannels(originals, first.inputChannels()), s);
        Upscaling u = upscale(Degrade.downscale(hr, s));
        return new Upscaling(s, u.lowRes(), u.bicubic(), u.superResolved(), hr, Quality.of(u.superResolved(), hr),
                Quality.of(u.bicubic(), hr));
    }

    private Translator upscaler() {
        if (!upscales()) {
            throw new ConfigException(dir + ": a " + config().model().name() + " run translates; use translate");
        }
        return first;
    }

    @Override
    public void close() {
        loaded.values().forEach(Translator::close);
        loaded.clear();
    }
}
