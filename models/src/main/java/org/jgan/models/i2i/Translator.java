package org.jgan.models.i2i;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.jgan.models.Variants;

/**
 * A trained image-to-image network loaded from a run folder alone, for {@code translate} and {@code upscale}: the
 * generator of one direction (pix2pix's G, CycleGAN's G or G_BA, SRGAN's G) from a checkpoint, in eval mode.
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

    private Translator(TrainConfig config, DataShape shape, GanNet net, Path checkpoint, String direction,
                       int inChannels, int outChannels, int scale) {
        this.config = config;
        this.shape = shape;
        this.net = net;
        this.checkpoint = checkpoint;
        this.direction = direction;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.scale = scale;
    }

    /**
     * Loads the network of {@code runDir} that translates in {@code direction} (AtoB or BtoA) from {@code checkpoint}
     * (null for the latest); the EMA weights when the run has them, {@code preferEma} and the direction is G's.
     */
    public static Translator load(Path runDir, String checkpoint, String direction, boolean preferEma)
            throws IOException {
        RunDir run = new RunDir(runDir);
        TrainConfig config = run.readConfig();
        GanVariant variant = Variants.byName(config.model().name());
        if (!(variant instanceof ImageToImage i2i)) {
            throw new ConfigException(runDir + ": a " + config.model().name() + " run generates from noise; translate "
                    + "and upscale need a pix2pix, cyclegan or srgan run (use jgan sample)");
        }
        DataShape shape = shape(run);
        String name = i2i.translatorName(config, direction);
        Path ckpt = run.resolveCheckpoint(checkpoint);
        GanNet net = i2i.buildTranslator(config, shape, direction);
        try {
            Path ema = ckpt.resolve(Checkpoints.EMA_FILE);
            boolean useEma = preferEma && name.equals("G") && Files.exists(ema);
            Checkpoints.loadModule(net, useEma ? ema : ckpt.resolve(name + ".pt"));
        } catch (IOException | RuntimeException e) {
            net.close();
            throw e;
        }
        net.eval();
        return new Translator(config, shape, net, ckpt, direction, i2i.inputChannels(config, shape, direction),
                i2i.outputChannels(config, shape, direction), i2i.scale(config));
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

    public TrainConfig config() {
        return config;
    }

    public DataShape shape() {
        return shape;
    }

    public Path checkpoint() {
        return checkpoint;
    }

    public String direction() {
        return direction;
    }

    public int inputChannels() {
        return inChannels;
    }

    public int outputChannels() {
        return outChannels;
    }

    public int scale() {
        return scale;
    }

    /**
     * Height and width inputs are resized to, as training saw them: the crop, else the load size, else the size of
     * the training images.
     */
    public int[] inputSize() {
        var c = config.i2i();
        int side = c.crop() > 0 ? c.crop() : c.loadSize();
        return side > 0 ? new int[]{side, side} : new int[]{shape.height(), shape.width()};
    }

    @Override
    public void close() {
        net.close();
    }
}
