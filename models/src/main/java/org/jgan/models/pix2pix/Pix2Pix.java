package org.jgan.models.pix2pix;

import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
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
import org.jgan.core.train.StepContext;
import org.jgan.models.i2i.AdversarialTerms;
import org.jgan.models.i2i.Augment;
import org.jgan.models.i2i.ChannelMap;
import org.jgan.models.i2i.FixedBatchSheet;
import org.jgan.models.i2i.I2iData;
import org.jgan.models.i2i.ImageToImage;
import org.jgan.models.i2i.ImageToImageConfig;
import org.jgan.models.i2i.PatchDiscriminator;
import org.jgan.models.i2i.UNetGenerator;

/**
 * Pix2Pix, Isola, Zhu, Zhou and Efros 2017, "Image-to-Image Translation with Conditional Adversarial Networks": a
 * U-Net generator G(x) and a PatchGAN discriminator D(x, y) that sees the input beside the real or translated output.
 * G minimises the adversarial loss plus lambda * L1(G(x), y) with lambda = 100; D's loss is halved, as in the paper, to
 * slow it relative to G. Trains on aligned pairs; {@code i2i.direction} picks which side is the input.
 */
public final class Pix2Pix implements GanVariant, ImageToImage {
    @Override
    public String name() {
        return "pix2pix";
    }

    @Override
    public String citation() {
        return "Isola, Zhu, Zhou and Efros 2017, Image-to-Image Translation with Conditional Adversarial Networks";
    }

    @Override
    public ImageDataset openData(TrainConfig config) {
        return I2iData.pairs(config.data().source(), config);
    }

    @Override
    public void checkData(DataShape shape, String dataName) {
        if (shape.pairing() == null || !shape.pairing().aligned()) {
            throw new ConfigException("pix2pix trains on aligned pairs, but " + dataName + (shape.pairing() == null
                    ? " holds single images" : " is unpaired (trainA/, trainB/), which cyclegan trains on")
                    + "; give A/ and B/ folders, side-by-side A|B images or demo:edges2garment");
        }
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        ImageToImageConfig c = ImageToImageConfig.of(config);
        Augment.checkCrop(name(), c, shape.height(), shape.width());
        int side = Augment.trainSide(c, shape.height(), shape.width());
        if (side < 4) {
            throw new ConfigException("pix2pix needs images of at least 4x4, got " + shape.height() + "x"
                    + shape.width() + (c.crop() > 0 ? " (crop " + c.crop() + ")" : ""));
        }
        GanNet g = buildGenerator(config, shape);
        boolean sn = config.reg().spectralNorm();
        String norm = sn || config.model().dNorm().equals("none") ? "none" : "batch";
        GanNet d = new PatchDiscriminator(shape.channels(), config.model().width(),
                PatchDiscriminator.layersFor(side), norm, sn, seed + 7);
        // N(0, 0.02) weights and N(1, 0.02) batch-norm scales, as in the paper's code
        Layers.dcganInit(g, seed);
        if (!sn) {
            Layers.dcganInit(d, seed + 1);
        }
        return new Players(Map.of(Players.G, g, Players.D, d),
                Map.of(Players.G, List.of(Players.G), Players.D, List.of(Players.D)));
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        int side = Augment.trainSide(ImageToImageConfig.of(config), shape.height(), shape.width());
        return new UNetGenerator(inputChannels(config, shape, null), outputChannels(config, shape, null),
                config.model().width(), side);
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        ImageToImageConfig c = ImageToImageConfig.of(config);
        return List.of(
                new Phase("Dmain", Players.D, 1, true, ctx -> {
                    Tensor[] xy = pair(ctx, c);
                    Tensor fake = translated(ctx, xy[0]);
                    // D(x, y): the input beside the output, so D judges the pair and not the output alone
                    return AdversarialTerms.discriminator(ctx, ctx.players().discriminator(), cat(xy[0], xy[1]),
                            cat(xy[0], fake), 0.5, "");
                }),
                new Phase("Gmain", Players.G, 1, false, ctx -> {
                    Tensor[] xy = pair(ctx, c);
                    Tensor fake = translated(ctx, xy[0]);
                    Tensor adv = AdversarialTerms.generator(ctx, ctx.players().discriminator(), cat(xy[0], fake));
                    Tensor l1 = AdversarialTerms.l1(fake, xy[1]);
                    ctx.report("Loss/G", adv);
                    ctx.report("Loss/G/L1", l1);
                    return adv.add(l1.mul(new Scalar(c.lambdaL1())));
                }));
    }

    /** The step's (input, target) batch after cropping and flipping, the same for both phases. */
    private static Tensor[] pair(StepContext ctx, ImageToImageConfig c) {
        Tensor x = ctx.shared("pairs", () -> Augment.apply(ctx, c));
        // G maps the input side to the other; its input channels say where a packed row splits.
        int in = ((ChannelMap) ctx.players().generator()).inChannels();
        boolean ab = c.direction().equals(A_TO_B);
        int ca = ab ? in : (int) x.size(1) - in;
        Tensor a = x.narrow(1, 0, ca);
        Tensor b = x.narrow(1, ca, x.size(1) - ca);
        return ab ? new Tensor[]{a, b} : new Tensor[]{b, a};
    }

    private static Tensor translated(StepContext ctx, Tensor input) {
        return ctx.generated("fake", Players.G, () -> ctx.players().generator().forward(input, null));
    }

    private static Tensor cat(Tensor a, Tensor b) {
        return torch.cat(new TensorVector(a, b), 1);
    }

    @Override
    public SampleSheet sampleSheet(TrainConfig config, ImageDataset data, long seed) {
        boolean ab = ImageToImageConfig.of(config).direction().equals(A_TO_B);
        int ca = data.pairing().channelsA();
        return new FixedBatchSheet(data, config.schedule().sampleCount(), seed, 3, (rows, g, players) -> {
            Tensor a = rows.narrow(1, 0, ca);
            Tensor b = rows.narrow(1, ca, rows.size(1) - ca);
            Tensor in = ab ? a : b;
            return List.of(in, g.forward(in, null), ab ? b : a);
        });
    }

    @Override
    public String translatorName(TrainConfig config, String direction) {
        String trained = ImageToImageConfig.of(config).direction();
        if (!direction.equals(trained)) {
            throw new ConfigException("this pix2pix run translates " + trained + " only (trained "
                    + "with i2i.direction=" + trained + "); train another with i2i.direction="
                    + direction);
        }
        return Players.G;
    }

    /** The one direction G was trained for. */
    @Override
    public List<String> directions(TrainConfig config) {
        return List.of(ImageToImageConfig.of(config).direction());
    }

    @Override
    public GanNet buildTranslator(TrainConfig config, DataShape shape, String direction) {
        translatorName(config, direction);
        return buildGenerator(config, shape);
    }

    @Override
    public int inputChannels(TrainConfig config, DataShape shape, String direction) {
        var p = shape.pairing();
        return ImageToImageConfig.of(config).direction().equals(A_TO_B) ? p.channelsA() : p.channelsB();
    }

    @Override
    public int outputChannels(TrainConfig config, DataShape shape, String direction) {
        var p = shape.pairing();
        return ImageToImageConfig.of(config).direction().equals(A_TO_B) ? p.channelsB() : p.channelsA();
    }
}
