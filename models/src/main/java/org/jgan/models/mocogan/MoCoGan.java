package org.jgan.models.mocogan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.clips.ClipSource;
import org.jgan.core.data.clips.ClipSources;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.core.train.TrainingData;

/**
 * MoCoGAN (Tulyakov et al. 2018, "MoCoGAN: Decomposing Motion and Content for Video Generation"): a generator that
 * draws each clip from a content code and a recurrent motion code per frame (by default the motion warps the content,
 * {@link WarpVideoGenerator}; as the paper, {@link VideoGenerator}), judged by a
 * frame discriminator D_I on single frames and a clip discriminator D_V on whole clips ({@link ClipDiscriminator}).
 * Both discriminators learn in one phase (one optimizer), then G learns to fool both ({@link ClipLosses}).
 * Class-conditional as {@code mocogan-cond}: the class one-hot joins every frame's code and both discriminators
 * project it. Trains on moving Fashion-MNIST or a user's clips; settings {@link MoCoGanConfig}, preset {@code mocogan}.
 */
public final class MoCoGan implements GanVariant {
    /** The registry name of the unconditional variant. */
    public static final String NAME = "mocogan";
    /** The registry name of the class-conditional variant. */
    public static final String CONDITIONAL = "mocogan-cond";
    /** D_I's name among the players; D_V is {@link Players#D}. */
    static final String DI = "DI";
    private final boolean conditional;

    public MoCoGan(boolean conditional) {
        this.conditional = conditional;
    }

    @Override
    public String name() {
        return conditional ? CONDITIONAL : NAME;
    }

    @Override
    public String citation() {
        return "Tulyakov et al. 2018, MoCoGAN: Decomposing Motion and Content for Video Generation";
    }

    @Override
    public boolean conditional() {
        return conditional;
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        MoCoGanConfig c = MoCoGanConfig.of(config);
        GanNet g = buildGenerator(config, shape);
        long classes = conditional ? shape.numClasses() : 0;
        int w = config.model().width();
        boolean sn = config.reg().spectralNorm();
        boolean bn = config.model().dNorm().equals("batch");
        GanNet dv = new ClipDiscriminator(true, shape.channels(), c.frames(), shape.height(), w, classes, sn, bn,
                c.batchStd(), seed + 11);
        GanNet di = new ClipDiscriminator(false, shape.channels(), c.frames(), shape.height(), w, classes, sn, bn,
                false, c.frameD().equals("sngan"), seed + 17);
        Layers.dcganInit(g, seed);
        if (g instanceof WarpVideoGenerator warp) {
            warp.startStill();
        }
        if (!sn) {  // spectrally normalised weights keep libtorch's initialisation, as SNGAN's
            Layers.dcganInit(dv, seed + 1);
            Layers.dcganInit(di, seed + 2);
        }
        Map<String, GanNet> nets = new LinkedHashMap<>();
        nets.put(Players.G, g);
        nets.put(Players.D, dv);
        nets.put(DI, di);
        return new Players(nets, Map.of(Players.G, List.of(Players.G), Players.D, List.of(Players.D, DI)));
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        checkData(shape, "the data");
        MoCoGanConfig c = MoCoGanConfig.of(config);
        if (conditional && shape.numClasses() < 2) {
            throw new ConfigException(CONDITIONAL + " needs clips with classes (moving-fashion-mnist has them; a "
                    + "folder of clips has none): train mocogan instead");
        }
        long classes = conditional ? shape.numClasses() : 0;
        int latent = config.model().latentDim();
        int w = config.model().width();
        return !c.generator().equals("frames")
                ? new WarpVideoGenerator(latent, w, shape.channels(), c.frames(), shape.height(), classes, c)
                : new VideoGenerator(latent, w, shape.channels(), c.frames(), shape.height(), classes, c);
    }

    @Override
    public void checkData(DataShape shape, String dataName) {
        if (shape.pairing() != null || shape.spans() != null) {
            throw new ConfigException(name() + " trains on clips, but " + dataName + " holds "
                    + (shape.spans() != null ? "table rows" : "image pairs"));
        }
        if (shape.height() != shape.width()) {
            throw new ConfigException(name() + " draws square frames, but " + dataName + " has frames of "
                    + shape.height() + "x" + shape.width());
        }
    }

    @Override
    public ImageDataset openData(TrainConfig config) {
        throw new ConfigException(name() + " trains on clips, not images");
    }

    @Override
    public TrainingData openTrainingData(TrainConfig config, long subsetSeed) {
        ConfigException.check(config.data().perClass() == 0, "data.perClass picks images per class; for clips use "
                + "data.limit");
        MoCoGanConfig c = MoCoGanConfig.of(config);
        ClipSource source = ClipSources.open(config.data().source(), c.motion());
        return new ClipData(source, config.data().limit());
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        int k = MoCoGanConfig.of(config).imageFrames();
        return List.of(new Phase("Dmain", Players.D, 1, true, ctx -> ClipLosses.discriminator(ctx, k)),
                new Phase("Gmain", Players.G, 1, false, ctx -> ClipLosses.generator(ctx, k)));
    }
}
