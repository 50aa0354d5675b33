package org.jgan.models.cyclegan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.core.train.SampleSheet;
import org.jgan.models.i2i.Augment;
import org.jgan.models.i2i.FixedBatchSheet;
import org.jgan.models.i2i.I2iData;
import org.jgan.models.i2i.ImageToImage;
import org.jgan.models.i2i.ImageToImageConfig;
import org.jgan.models.i2i.PatchDiscriminator;

/**
 * CycleGAN, Zhu, Park, Isola and Efros 2017, "Unpaired Image-to-Image Translation using Cycle-Consistent Adversarial
 * Networks": two ResNet generators (G: A to B, G_BA: B to A), two PatchGAN discriminators with instance norm (D on
 * domain B, D_A on domain A), least-squares loss, cycle weight 10, identity weight 5, a 50-image history pool per
 * discriminator, and learning rates that fall linearly to 0 over the second half of the run. Trains on unpaired
 * (or paired, ignoring the pairing) data.
 *
 * <p>Networks by checkpoint name: G, G_BA, D, D_A, pool_A, pool_B. Sampling and the EMA use G (A to B);
 * {@code translate --direction BtoA} loads G_BA.
 */
public final class CycleGan implements GanVariant, ImageToImage {
    static final String G_BA = "G_BA";
    static final String D_A = "D_A";
    static final String POOL_A = "pool_A";
    static final String POOL_B = "pool_B";

    @Override
    public String name() {
        return "cyclegan";
    }

    @Override
    public String citation() {
        return "Zhu, Park, Isola and Efros 2017, Unpaired Image-to-Image Translation using Cycle-Consistent "
                + "Adversarial Networks";
    }

    @Override
    public ImageDataset openData(TrainConfig config) {
        return I2iData.pairs(config.data().source(), config);
    }

    @Override
    public void checkData(DataShape shape, String dataName) {
        if (shape.pairing() == null) {
            throw new ConfigException("cyclegan trains on two domains, but " + dataName + " holds single images; "
                    + "give a folder with trainA/ and trainB/ (or A/ and B/), or demo:sneaker2boot");
        }
    }

    /** Residual blocks at {@code side} pixels: i2i.blocks, or the paper's 9 from 256 pixels up and 6 below. */
    public static int blocks(TrainConfig config, int side) {
        int blocks = ImageToImageConfig.of(config).blocks();
        return blocks > 0 ? blocks : side >= 256 ? 9 : 6;
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        ImageToImageConfig c = ImageToImageConfig.of(config);
        Augment.checkCrop(name(), c, shape.height(), shape.width());
        int side = Augment.trainSide(c, shape.height(), shape.width());
        int ca = shape.pairing().channelsA();
        int cb = shape.pairing().channelsB();
        int w = config.model().width();
        boolean sn = config.reg().spectralNorm();
        String norm = sn || config.model().dNorm().equals("none") ? "none" : "instance";
        int layers = PatchDiscriminator.layersFor(side);
        Map<String, GanNet> nets = new LinkedHashMap<>();
        nets.put(Players.G, new ResnetGenerator(ca, cb, w, blocks(config, side)));
        nets.put(G_BA, new ResnetGenerator(cb, ca, w, blocks(config, side)));
        nets.put(Players.D, new PatchDiscriminator(cb, w, layers, norm, sn, seed + 7));
        nets.put(D_A, new PatchDiscriminator(ca, w, layers, norm, sn, seed + 17));
        int i = 0;
        for (GanNet n : nets.values()) {
            // N(0, 0.02) as the paper's code; spectrally normalised convolutions keep their own scale
            if (!sn || n instanceof ResnetGenerator) {
                Layers.dcganInit(n, seed + i);
            }
            i++;
        }
        int pool = c.poolSize();
        if (pool > 0) {
            int[] hw = Augment.trainSize(c, shape.height(), shape.width());
            nets.put(POOL_A, new HistoryPool(pool, ca, hw[0], hw[1]));
            nets.put(POOL_B, new HistoryPool(pool, cb, hw[0], hw[1]));
        }
        return new Players(nets, Map.of(Players.G, List.of(Players.G, G_BA), Players.D, List.of(Players.D, D_A)));
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        return buildTranslator(config, shape, A_TO_B);
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        return CycleGanPhases.of(config);
    }

    /** Constant learning rates until i2i.lrDecayFrom of the planned steps, then linearly down towards 0. */
    @Override
    public double lrFactor(TrainConfig config, long step, long totalSteps) {
        return GanVariant.linearDecay(ImageToImageConfig.of(config).lrDecayFrom(), step, totalSteps);
    }

    @Override
    public SampleSheet sampleSheet(TrainConfig config, ImageDataset data, long seed) {
        int ca = data.pairing().channelsA();
        // a | G(a) | G_BA(G(a)) | b | G_BA(b) | G(G_BA(b)): both translations and both reconstructions
        return new FixedBatchSheet(data, config.schedule().sampleCount(), seed, 6, (rows, g, players) -> {
            GanNet gba = players.net(G_BA);
            Tensor a = rows.narrow(1, 0, ca);
            Tensor b = rows.narrow(1, ca, rows.size(1) - ca);
            Tensor fb = g.forward(a, null);
            Tensor fa = gba.forward(b, null);
            return List.of(a, fb, gba.forward(fb, null), b, fa, g.forward(fa, null));
        });
    }

    @Override
    public String translatorName(TrainConfig config, String direction) {
        return direction.equals(A_TO_B) ? Players.G : G_BA;
    }

    /** G and G_BA invert each other. */
    @Override
    public List<String> directions(TrainConfig config) {
        return List.of(A_TO_B, B_TO_A);
    }

    @Override
    public GanNet buildTranslator(TrainConfig config, DataShape shape, String direction) {
        int side = Augment.trainSide(ImageToImageConfig.of(config), shape.height(), shape.width());
        return new ResnetGenerator(inputChannels(config, shape, direction), outputChannels(config, shape, direction),
                config.model().width(), blocks(config, side));
    }

    @Override
    public int inputChannels(TrainConfig config, DataShape shape, String direction) {
        return direction.equals(A_TO_B) ? shape.pairing().channelsA() : shape.pairing().channelsB();
    }

    @Override
    public int outputChannels(TrainConfig config, DataShape shape, String direction) {
        return direction.equals(A_TO_B) ? shape.pairing().channelsB() : shape.pairing().channelsA();
    }
}
