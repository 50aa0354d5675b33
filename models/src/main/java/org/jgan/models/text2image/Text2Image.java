package org.jgan.models.text2image;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.reg.ModeSeeking;
import org.jgan.core.reg.R1Penalty;
import org.jgan.core.train.Conditioning;
import org.jgan.core.train.TrainingData;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.core.train.Seeds;
import org.jgan.core.train.StepContext;

/**
 * Text-to-image GAN: GAN-CLS (Reed et al. 2016, "Generative Adversarial Text to Image Synthesis") on DCGAN networks,
 * the caption fused into every generator norm (DF-GAN's affine fusion, Tao et al. 2022) and projected onto the
 * discriminator's features (Miyato and Koyama 2018). Each network reads captions with its own text encoder, trained
 * with it from scratch. D learns real-with-its-caption against fake and against real-with-a-wrong-caption (the
 * matching-aware D, {@link Text2ImageConfig#matchingAware()}); G learns to fool it. Captions reach the networks as
 * word ids through the trainer's {@link Conditioning}, never as classes. With {@code reg.r1Gamma} > 0, D's loss also
 * has R1 on the matching real pairs (every step). With {@link Text2ImageConfig#pretrainSteps()} > 0 the run starts by
 * pretraining both text encoders contrastively ({@link CaptionPretraining}); with {@link Text2ImageConfig#matchWeight()}
 * > 0, G's loss also has AttnGAN's image-text matching term. Settings: {@link Text2ImageConfig}.
 */
public final class Text2Image implements GanVariant {
    @Override
    public String name() {
        return "text2image";
    }

    @Override
    public String citation() {
        return "Reed et al. 2016, Generative Adversarial Text to Image Synthesis (GAN-CLS); affine text fusion: "
                + "Tao et al. 2022 (DF-GAN); image-text pretraining and matching term: Xu et al. 2018 (AttnGAN)";
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        TextGenerator g = generator(config, shape, seed + 5);
        TextDiscriminator d = new TextDiscriminator(config, shape, seed + 7);
        Layers.dcganInit(g, seed);
        Layers.dcganInit(d, seed + 1);
        // The DCGAN start suits the image layers; the encoders and norms take their own, drawn again after it.
        g.textEncoder().reset(seed + 5);
        d.textEncoder().reset(seed + 18);
        g.initConditioning(seed + 3);
        Text2ImageConfig cfg = Text2ImageConfig.of(config);
        if (!cfg.hasImageEncoder()) {
            return Players.of(g, d);
        }
        CaptionImageEncoder encoder = new CaptionImageEncoder(shape, cfg.embedDim());
        Layers.dcganInit(encoder, seed + 9);
        return CaptionPretraining.players(g, d, encoder);
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        return generator(config, shape, 0);
    }

    private static TextGenerator generator(TrainConfig config, DataShape shape, long textSeed) {
        return new TextGenerator(config.model().latentDim(), config.model().width(), shape,
                Text2ImageConfig.of(config), textSeed);
    }

    @Override
    public ImageDataset openData(TrainConfig config) {
        return TextData.open(config);
    }

    @Override
    public Conditioning conditioning(TrainConfig config, TrainingData data) {
        return TextData.conditioning(config, data.images());
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        Text2ImageConfig cfg = Text2ImageConfig.of(config);
        boolean matching = cfg.matchingAware();
        int pre = cfg.pretrainSteps();
        double match = cfg.matchWeight();
        List<Phase> phases = new ArrayList<>(CaptionPretraining.phases(pre, match > 0));
        double hard = cfg.hardNegatives();
        boolean words = cfg.wordsHead();
        double twin = cfg.twinWeight();
        phases.add(new Phase("Dmain", Players.D, 1, true,
                ctx -> discriminatorLoss(ctx, matching, hard, words, twin > 0)).during(pre, Long.MAX_VALUE));
        boolean interpolate = cfg.interpolate();
        double seek = cfg.modeSeeking();
        phases.add(new Phase("Gmain", Players.G, 1, false, ctx -> generatorLoss(ctx, interpolate, match, seek, twin))
                .during(pre, Long.MAX_VALUE));
        return phases;
    }

    @Override
    public long generatorLearnsFrom(TrainConfig config) {
        return Text2ImageConfig.of(config).pretrainSteps();
    }

    @Override
    public double lrFactor(TrainConfig config, long step, long totalSteps) {
        return step < Text2ImageConfig.of(config).pretrainSteps() ? CaptionPretraining.RATE_FACTOR : 1.0;
    }

    /**
     * GAN-CLS: real images with their captions are real; fakes and, when matching-aware, real images with another
     * image's caption are fake, the two kinds of fake averaged together (Reed et al.'s 1/2 + 1/2). Wrong captions
     * that equal the right one word for word are left out: they are not wrong. With {@code hard} > 0, that share of
     * the real images is also paired with its own caption with one attribute word changed ({@link AttributeSwaps}),
     * a third kind of fake at half the weight of each of the other two: other images' captions keep D reading the
     * class, the changed words make it read the attributes. With {@code words}, the wrong captions also train D's words
     * head ({@link WordsTerms#discriminatorLoss}, with its twin when {@code twin}).
     */
    static Tensor discriminatorLoss(StepContext ctx, boolean matching, double hard, boolean words, boolean twin) {
        Tensor loss = words ? WordsTerms.discriminatorLoss(ctx, matching, twin) : ganClsLoss(ctx, matching, hard);
        double gamma = ctx.config().reg().r1Gamma();
        if (gamma > 0) {
            // R1 (Mescheder et al. 2018) on real images with their own captions: the matching pairs D must call real,
            // which is DF-GAN's matching-aware penalty without its fake-caption terms.
            Tensor r1 = R1Penalty.compute(ctx.players().discriminator(), ctx.augment(ctx.real()), ctx.condition());
            ctx.report("Reg/r1", r1);
            loss = loss.add(r1.mul(new org.bytedeco.pytorch.Scalar(R1Penalty.weight(gamma, 1))));
        }
        return loss;
    }

    private static Tensor ganClsLoss(StepContext ctx, boolean matching, double hard) {
        GanNet d = ctx.players().discriminator();
        Tensor tokens = ctx.condition();
        Tensor realLogits = d.forward(ctx.augment(ctx.real()), tokens);
        Tensor fakeLogits = d.forward(ctx.augment(ctx.fake().detach()), tokens);
        Tensor fakes = fakeLogits;
        if (matching) {
            Tensor wrong = GanCls.wrongCaptions(tokens, Seeds.derive(ctx.config().seed(), "wrong-captions",
                    ctx.step()));
            Tensor wrongLogits = wrongLogits(ctx, tokens, wrong);
            if (wrongLogits != null) {
                ctx.report("D/wrong_score", wrongLogits.detach().sigmoid().mean());
            }
            Tensor hardLogits = null;
            if (hard > 0 && ctx.conditioning() instanceof TextConditioning text) {
                // The rows not chosen keep their own caption, which wrongLogits leaves out.
                hardLogits = wrongLogits(ctx, tokens, text.swaps().wrong(tokens, tokens, hard,
                        Seeds.derive(ctx.config().seed(), "hard-captions", ctx.step())));
                if (hardLogits != null) {
                    ctx.report("D/hard_wrong_score", hardLogits.detach().sigmoid().mean());
                }
            }
            if (hardLogits != null && wrongLogits != null) {
                // Rows counted twice weigh fakes, other images' captions and changed words 2 : 2 : 1 at share 1, so
                // fakes and other captions keep Reed et al.'s balance and the fake side its weight against the real.
                fakes = torch.cat(new TensorVector(fakeLogits, fakeLogits, wrongLogits, wrongLogits, hardLogits), 0);
            } else if (wrongLogits != null || hardLogits != null) {
                fakes = torch.cat(new TensorVector(fakeLogits, wrongLogits != null ? wrongLogits : hardLogits), 0);
            }
        }
        Tensor loss = ctx.loss().discriminator(realLogits, fakes);
        ctx.report("Loss/D", loss);
        ctx.report("D/real_score", realLogits.detach().sigmoid().mean());
        ctx.report("D/fake_score", fakeLogits.detach().sigmoid().mean());
        return loss;
    }

    /** D's logits for the real images paired with {@code wrong}, the rows equal to their own caption left out. */
    private static Tensor wrongLogits(StepContext ctx, Tensor tokens, Tensor wrong) {
        Tensor keep = GanCls.differs(tokens, wrong).nonzero().view(-1);
        if (keep.size(0) == 0) {
            return null;
        }
        return ctx.players().discriminator().forward(ctx.augment(ctx.real().index_select(0, keep)),
                wrong.index_select(0, keep));
    }

    /**
     * G's loss (with {@code twin} > 0 that weight of the twin term, {@link WordsTerms#generatorLoss}); with
     * {@code interpolate}, plus GAN-INT's term on captions halfway between two ({@link GanCls}); with
     * {@code match} > 0, plus that weight times the DAMSM term ({@link CaptionPretraining#matchLoss}); with
     * {@code seek} > 0, plus that weight times MSGAN's term ({@link ModeSeeking#pairs}) between the step's fakes and
     * a second draw for the same captions from fresh latents.
     */
    static Tensor generatorLoss(StepContext ctx, boolean interpolate, double match, double seek, double twin) {
        Tensor loss;
        if (twin > 0) {
            loss = WordsTerms.generatorLoss(ctx, twin);
        } else {
            loss = ctx.loss().generator(ctx.players().discriminator().forward(ctx.augment(ctx.fake()),
                    ctx.condition()));
            ctx.report("Loss/G", loss);
        }
        if (interpolate) {
            Tensor between = GanCls.interpolatedLoss(ctx);
            ctx.report("Loss/G/interpolated", between);
            loss = loss.add(between);
        }
        if (match > 0) {
            Tensor matching = CaptionPretraining.matchLoss(ctx);
            ctx.report("Loss/G/match", matching);
            loss = loss.add(matching.mul(new org.bytedeco.pytorch.Scalar(match)));
        }
        if (seek > 0) {
            Tensor z2 = ctx.randn(ctx.z().size(0), ctx.z().size(1));
            Tensor again = ctx.players().generator().forward(z2, ctx.condition());
            Tensor ms = ModeSeeking.pairs(ctx.z(), ctx.fake(), z2, again);
            ctx.report("Reg/modeSeeking", ms);
            loss = loss.add(ms.mul(new org.bytedeco.pytorch.Scalar(seek)));
        }
        return loss;
    }
}
