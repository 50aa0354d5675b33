package org.jgan.models.text2image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.nn.Contrastive;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.TextEncoder;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.core.train.StepContext;

/**
 * Contrastive pretraining of text2image's text encoders ({@link Text2ImageConfig#pretrainSteps()}), after AttnGAN's
 * DAMSM (Xu et al. 2018, "AttnGAN"): for the first steps of a run, an image encoder ({@link CaptionImageEncoder}, net
 * {@value #ENCODER}) and D's text encoder learn to pair each real image with its caption among the batch's captions
 * ({@link Contrastive}), and G's text encoder learns to meet the same image embeddings. Only then do the adversarial
 * phases start, with sentence embeddings that already tell brightness, size and texture words apart instead of random
 * ones. Both encoders keep learning with the GAN afterwards (DAMSM froze its encoder; here each network keeps its own).
 * These are phases of the one training loop: the trainer steps their optimizers, so checkpoints and resume cover them.
 * With {@link Text2ImageConfig#matchWeight()} > 0 the image encoder and D's text encoder go on pairing real images
 * with their captions for the whole run (phase {@code Tmatch}), and G's loss gets AttnGAN's DAMSM term,
 * {@link #matchLoss}: its fakes must be told apart by caption by that same matcher.
 */
final class CaptionPretraining {
    /** The image encoder's name among the players; it is optimised with D (group {@link Players#D}). */
    static final String ENCODER = "E";
    /**
     * The learning rates' factor while pretraining: Adam at 5 x the GAN's 2e-4, the 1e-3 the R-precision judge's
     * contrastive training uses; at the GAN's rate the encoders learn too little in a few hundred steps.
     */
    static final double RATE_FACTOR = 5.0;

    private CaptionPretraining() {
    }

    /** G and D as usual, and the image encoder in D's group, so D's optimizer steps it. */
    static Players players(GanNet g, GanNet d, CaptionImageEncoder encoder) {
        Map<String, GanNet> nets = new LinkedHashMap<>();
        nets.put(Players.G, g);
        nets.put(Players.D, d);
        nets.put(ENCODER, encoder);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put(Players.G, List.of(Players.G));
        groups.put(Players.D, List.of(Players.D, ENCODER));
        return new Players(nets, groups);
    }

    /**
     * The pretraining phases, run during global steps [0, {@code steps}), and with {@code matching} the matcher's
     * phase for the rest of the run.
     */
    static List<Phase> phases(int steps, boolean matching) {
        List<Phase> phases = new ArrayList<>();
        if (steps > 0) {
            phases.add(new Phase("Tpre", Players.D, 1, false, ctx -> matcherLoss(ctx, "Loss/pretrain/D"))
                    .during(0, steps));
            phases.add(new Phase("Gpre", Players.G, 1, false, CaptionPretraining::generatorLoss).during(0, steps));
        }
        if (matching) {
            phases.add(new Phase("Tmatch", Players.D, 1, false, ctx -> matcherLoss(ctx, "Loss/match/D"))
                    .during(steps, Long.MAX_VALUE));
        }
        return phases;
    }

    /** The image encoder and D's text encoder, paired on real images and their captions. */
    static Tensor matcherLoss(StepContext ctx, String stat) {
        TextEncoder text = ((TextDiscriminator) ctx.players().discriminator()).textEncoder();
        Tensor images = ctx.players().net(ENCODER).forward(ctx.real(), null);
        Tensor loss = Contrastive.symmetricLoss(images, sentences(text, ctx.condition()), Contrastive.TEMPERATURE);
        ctx.report(stat, loss);
        return loss;
    }

    /**
     * AttnGAN's DAMSM term for G (sentence level): the fakes' embeddings by the image encoder against their captions'
     * by D's text encoder, the same contrastive loss the matcher learns with, so G loses when its image would fit
     * another caption of the batch as well as its own. The matcher is held fixed here (the trainer freezes D's group
     * in G's phase, and the captions' side is detached): G cannot move it.
     */
    static Tensor matchLoss(StepContext ctx) {
        TextEncoder text = ((TextDiscriminator) ctx.players().discriminator()).textEncoder();
        Tensor images = ctx.players().net(ENCODER).forward(ctx.fake(), null);
        return Contrastive.symmetricLoss(images, sentences(text, ctx.condition()).detach(), Contrastive.TEMPERATURE);
    }

    /** G's text encoder, meeting the image encoder's embeddings (held fixed in this phase) of the same pairs. */
    static Tensor generatorLoss(StepContext ctx) {
        TextEncoder text = ((TextGenerator) ctx.players().generator()).textEncoder();
        Tensor images = ctx.players().net(ENCODER).forward(ctx.real(), null).detach();
        Tensor loss = Contrastive.symmetricLoss(images, sentences(text, ctx.condition()), Contrastive.TEMPERATURE);
        ctx.report("Loss/pretrain/G", loss);
        return loss;
    }

    /** Unit sentence embeddings, standardised over the batch as the image side is. */
    static Tensor sentences(TextEncoder text, Tensor tokens) {
        return Contrastive.unit(Contrastive.standardized(text.encode(tokens)));
    }
}
