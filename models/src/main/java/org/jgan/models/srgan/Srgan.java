package org.jgan.models.srgan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
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
import org.jgan.models.i2i.FixedBatchSheet;
import org.jgan.models.i2i.I2iData;
import org.jgan.models.i2i.ImageToImage;
import org.jgan.models.i2i.ImageToImageConfig;

/**
 * SRGAN, Ledig et al. 2017, "Photo-Realistic Single Image Super-Resolution Using a Generative Adversarial Network":
 * an SRResNet generator upscales by 2 or 4 ({@code i2i.scale}) images that training makes by downscaling the data;
 * its loss is pixelWeight x MSE(SR, HR) + featureWeight x MSE(F(SR), F(HR)) on a fixed feature network F (a
 * TorchScript module the user provides with {@code i2i.featureNet}, or a registered one such as the built-in
 * classifier, see {@link FeatureNets}; "none" leaves the pixel and adversarial terms)
 * + advWeight x the adversarial loss (1e-3 in the paper).
 */
public final class Srgan implements GanVariant, ImageToImage {
    static final String F = "F";

    @Override
    public String name() {
        return "srgan";
    }

    @Override
    public String citation() {
        return "Ledig et al. 2017, Photo-Realistic Single Image Super-Resolution Using a Generative Adversarial Network";
    }

    @Override
    public ImageDataset openData(TrainConfig config) {
        return I2iData.singles(config.data().source(), config);
    }

    @Override
    public void checkData(DataShape shape, String dataName) {
        if (shape.pairing() != null) {
            throw new ConfigException("srgan trains on single high-resolution images and makes the low-resolution "
                    + "ones itself, but " + dataName + " holds image pairs; give single images such as fashion-mnist");
        }
    }

    /** Residual blocks: i2i.blocks, or the paper's 16. */
    public static int blocks(TrainConfig config) {
        int blocks = ImageToImageConfig.of(config).blocks();
        return blocks > 0 ? blocks : 16;
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        ImageToImageConfig c = ImageToImageConfig.of(config);
        Augment.checkCrop(name(), c, shape.height(), shape.width());
        int scale = c.scale();
        int crop = c.crop();
        int h = crop > 0 ? crop : shape.height();
        int w = crop > 0 ? crop : shape.width();
        if (h % scale != 0 || w % scale != 0 || h < 2 * scale || w < 2 * scale) {
            throw new ConfigException("srgan x" + scale + " needs image sides that are multiples of " + scale
                    + " (and at least " + 2 * scale + "), got " + h + "x" + w + (crop > 0 ? " (i2i.crop)" : "")
                    + "; set i2i.crop=N or i2i.loadSize=N");
        }
        Map<String, GanNet> nets = new LinkedHashMap<>();
        nets.put(Players.G, buildGenerator(config, shape));
        boolean sn = config.reg().spectralNorm();
        GanNet d = new SrDiscriminator(shape.channels(), config.model().width(),
                !sn && config.model().dNorm().equals("batch"), sn, seed + 7);
        if (!sn) {
            Layers.dcganInit(d, seed + 1);
        }
        nets.put(Players.D, d);
        // Opened last: building a network (the built-in classifier) draws from libtorch's generator, and G and D
        // should start the same whichever feature network a run compares.
        GanNet f;
        try {
            f = FeatureNets.open(c.featureNet(), new DataShape(shape.channels(), h, w, 0));
        } catch (RuntimeException e) {
            nets.values().forEach(GanNet::close);
            throw e;
        }
        if (f != null) {
            nets.put(F, f);
        }
        return new Players(nets, Map.of(Players.G, List.of(Players.G), Players.D, List.of(Players.D)));
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        // libtorch's default (Kaiming-uniform) initialisation; PReLU starts at 0.25 as in He et al. 2015
        return new SrResNet(shape.channels(), config.model().width(), blocks(config),
                ImageToImageConfig.of(config).scale());
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        ImageToImageConfig c = ImageToImageConfig.of(config);
        return List.of(
                new Phase("Dmain", Players.D, 1, true, ctx -> AdversarialTerms.discriminator(ctx,
                        ctx.players().discriminator(), highRes(ctx, c), superResolved(ctx, c), 1.0, "")),
                new Phase("Gmain", Players.G, 1, false, ctx -> generatorLoss(ctx, c)));
    }

    private static Tensor generatorLoss(StepContext ctx, ImageToImageConfig c) {
        Tensor hr = highRes(ctx, c);
        Tensor sr = superResolved(ctx, c);
        Tensor adv = AdversarialTerms.generator(ctx, ctx.players().discriminator(), sr);
        Tensor pixel = torch.mse_loss(sr, hr);
        ctx.report("Loss/G", adv);
        ctx.report("Loss/G/pixel", pixel);
        Tensor loss = pixel.mul(new Scalar(c.pixelWeight())).add(adv.mul(new Scalar(c.advWeight())));
        if (ctx.players().nets().containsKey(F)) {
            GanNet f = ctx.players().net(F);
            Tensor target = f.forward(hr, null).detach();
            Tensor feature = torch.mse_loss(f.forward(sr, null), target);
            ctx.report("Loss/G/feature", feature);
            loss = loss.add(feature.mul(new Scalar(c.featureWeight())));
        }
        return loss;
    }

    /** The step's high-resolution batch after cropping and flipping. */
    private static Tensor highRes(StepContext ctx, ImageToImageConfig c) {
        return ctx.shared("hr", () -> Augment.apply(ctx, c));
    }

    private static Tensor superResolved(StepContext ctx, ImageToImageConfig c) {
        Tensor lr = ctx.shared("lr", () -> Resampling.downscale(highRes(ctx, c), c.scale()));
        return ctx.generated("sr", Players.G, () -> ctx.players().generator().forward(lr, null));
    }

    @Override
    public SampleSheet sampleSheet(TrainConfig config, ImageDataset data, long seed) {
        int s = ImageToImageConfig.of(config).scale();
        // low resolution (shown enlarged) | bicubic | SRGAN | original
        return new FixedBatchSheet(data, config.schedule().sampleCount(), seed, 4, (rows, g, players) -> {
            Tensor hr = rows.narrow(2, 0, rows.size(2) / s * s).narrow(3, 0, rows.size(3) / s * s);
            Tensor lr = Resampling.downscale(hr, s);
            return List.of(lr, Resampling.bicubic(lr, s), g.forward(lr, null), hr);
        });
    }

    @Override
    public String translatorName(TrainConfig config, String direction) {
        return Players.G;
    }

    @Override
    public GanNet buildTranslator(TrainConfig config, DataShape shape, String direction) {
        return buildGenerator(config, shape);
    }

    @Override
    public int inputChannels(TrainConfig config, DataShape shape, String direction) {
        return shape.channels();
    }

    @Override
    public int outputChannels(TrainConfig config, DataShape shape, String direction) {
        return shape.channels();
    }

    @Override
    public int scale(TrainConfig config) {
        return ImageToImageConfig.of(config).scale();
    }
}
