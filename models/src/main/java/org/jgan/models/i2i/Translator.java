package org.jgan.models.i2i;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.Pairing;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.Checkpoints;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.RunDir;
import org.jgan.engine.Torch;
import org.jgan.models.Variants;

/**
 * A trained image-to-image network loaded from a run folder alone: the generator of one direction (pix2pix's G,
 * CycleGAN's G or G_BA, SRGAN's G) from a checkpoint, in eval mode. Holds native memory: close it.
 */
public final class Translator implements AutoCloseable {
    private final TrainConfig config;
    private final DataShape shape;
    private final GanNet net;
    private final Path checkpoint;
    private final String direction;
    private final int inChannels;
    private final int outChannels;
    private final int scale;
    private final List<String> directions;

    private Translator(TrainConfig config, DataShape shape, GanNet net, Path checkpoint, String direction,
                       int inChannels, int outChannels, int scale, List<String> directions) {
        this.config = config;
        this.shape = shape;
        this.net = net;
        this.checkpoint = checkpoint;
        this.direction = direction;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.scale = scale;
        this.directions = directions;
    }

    /**
     * Loads the network of {@code runDir} that translates in {@code direction} (AtoB or BtoA; null for the run's first
     * {@link ImageToImage#directions direction}) from {@code checkpoint} (null for the latest); the EMA weights when
     * the run has them, {@code preferEma} and the direction is G's.
     */
    public static Translator load(Path runDir, String checkpoint, String direction, boolean preferEma)
            throws IOException {
        if (direction != null && !ImageToImageConfig.DIRECTIONS.contains(direction)) {
            throw new ConfigException("direction must be AtoB or BtoA, got '" + direction + "'");
        }
        Torch.ensureLoaded();
        RunDir run = new RunDir(runDir);
        TrainConfig config = run.readConfig();
        GanVariant variant = Variants.byName(config.model().name());
        if (!(variant instanceof ImageToImage i2i)) {
            throw new ConfigException(runDir + ": a " + config.model().name() + " run generates from noise; "
                    + "translating and upscaling need a pix2pix, cyclegan or srgan run");
        }
        List<String> directions = i2i.directions(config);
        String dir = direction != null ? direction : directions.get(0);
        DataShape shape = shape(run);
        String name = i2i.translatorName(config, dir);
        Path ckpt = run.resolveCheckpoint(checkpoint);
        GanNet net = i2i.buildTranslator(config, shape, dir);
        try {
            Path ema = ckpt.resolve(Checkpoints.EMA_FILE);
            boolean useEma = preferEma && name.equals("G") && Files.exists(ema);
            Checkpoints.loadModule(net, useEma ? ema : ckpt.resolve(name + ".pt"));
        } catch (IOException | RuntimeException e) {
            net.close();
            throw e;
        }
        net.eval();
        return new Translator(config, shape, net, ckpt, dir, i2i.inputChannels(config, shape, dir),
                i2i.outputChannels(config, shape, dir), i2i.scale(config), directions);
    }

    /** The data shape recorded in the run's provenance, with its pairing. */
    static DataShape shape(RunDir run) {
        JsonNode ds = run.readConfigTree().path("provenance").path("dataset");
        JsonNode sh = ds.path("shape");
        if (!sh.isArray() || sh.size() != 3) {
            throw new ConfigException(run.configFile() + ": provenance.dataset.shape is missing or not [C, H, W]");
        }
        JsonNode p = ds.path("pairing");
        Pairing pairing = p.isObject() ? new Pairing(p.path("channelsA").asInt(), p.path("channelsB").asInt(),
                p.path("aligned").asBoolean()) : null;
        return new DataShape(sh.get(0).asInt(), sh.get(1).asInt(), sh.get(2).asInt(), ds.path("classes").size(),
                pairing);
    }

    /** Translates a batch of inputs (N x inChannels x h x w in [-1, 1]) without gradients. */
    public Tensor apply(Tensor input) {
        if (input.size(1) != inChannels) {
            throw new IllegalArgumentException("expected " + inChannels + "-channel input, got " + input.size(1));
        }
        try (NoGradGuard g = new NoGradGuard()) {
            return net.forward(input, null);
        }
    }

    /** The run's resolved training config. */
    public TrainConfig config() {
        return config;
    }

    /** The shape of the run's training data, from its provenance. */
    public DataShape shape() {
        return shape;
    }

    /** The checkpoint folder the weights came from. */
    public Path checkpoint() {
        return checkpoint;
    }

    /** The direction this network translates, AtoB or BtoA. */
    public String direction() {
        return direction;
    }

    /** Channels of the images {@link #apply} takes. */
    public int inputChannels() {
        return inChannels;
    }

    /** Channels of the images it returns. */
    public int outputChannels() {
        return outChannels;
    }

    /** Output side / input side: 1 for translation, 2 or 4 for super-resolution. */
    public int scale() {
        return scale;
    }

    /** Every direction the run has a network for ({@link ImageToImage#directions}). */
    public List<String> directions() {
        return directions;
    }

    /** Whether the run has the network that maps this one's outputs back (CycleGAN's G_BA for G, and G for G_BA). */
    public boolean hasInverse() {
        return directions.contains(ImageToImage.opposite(direction));
    }

    /**
     * Height and width inputs are resized to, as training saw them: the crop, else the load size, else the size of
     * the training images.
     */
    public int[] inputSize() {
        var c = ImageToImageConfig.of(config);
        int side = c.crop() > 0 ? c.crop() : c.loadSize();
        return side > 0 ? new int[]{side, side} : new int[]{shape.height(), shape.width()};
    }

    @Override
    public void close() {
        net.close();
    }
}
