package org.jgan.models.text2image;

import java.util.List;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.nn.TextEncoderConfig;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigSection;
import org.jgan.core.config.TrainConfig;

/**
 * The text-to-image variant's own settings (section {@code text2image} of a {@link TrainConfig}, {@link #SECTION}).
 * Kept on resume: they shape the networks and the vocabulary.
 *
 * @param embedDim       length of the sentence embedding each text encoder makes
 * @param maxWords       words kept per caption (longer captions keep their first {@code maxWords})
 * @param vocabulary     most word ids, the padding and unknown-word ids included; the training captions' most
 *                       frequent words get them, rarer words read as unknown
 * @param matchingAware  whether D also sees real images with wrong captions as fake (GAN-CLS, Reed et al. 2016)
 * @param pretrainSteps  steps at the start of training that pretrain both text encoders contrastively against an
 *                       image encoder on the real pairs (AttnGAN's DAMSM, Xu et al. 2018) before the adversarial
 *                       steps begin; 0 (the default, and what configs without the key get) trains them with the GAN
 *                       from scratch
 * @param interpolate    whether G also learns from captions halfway between two of the batch's captions (GAN-INT,
 *                       Reed et al. 2016), judged by D on its own embeddings mixed the same way
 * @param matchWeight    weight of AttnGAN's DAMSM term in G's loss (Xu et al. 2018): the contrastive loss of the
 *                       fake images' embeddings (by the image encoder of the pretraining) against their captions'
 *                       (by D's text encoder), so that G is told which words its image misses; 0 (the default) leaves
 *                       it out. Above 0 the image encoder keeps learning on the real pairs for the whole run
 * @param modeSeeking    weight of MSGAN's mode-seeking term in G's loss (Mao et al. 2019): G draws each caption a
 *                       second time from another latent and is pushed to keep the two images apart, against the
 *                       variety that a strong text condition takes away; 0 (the default) leaves it out
 * @param fuseOutput     whether the caption also sets a gain and an offset of the generator's last layer, before
 *                       its tanh (DF-GAN fuses text into every block up to the image, Tao et al. 2022): the
 *                       contrast and tone of the drawn garment, which the texture and brightness of a caption name,
 *                       then follow the text directly instead of only through the features below; false (the
 *                       default, and what configs without the key get) leaves the last layer unconditioned
 * @param hardNegatives  the share (0..1) of the real images that the matching-aware D also sees with their own
 *                       caption with one attribute word changed to another level ({@link AttributeSwaps}; VSE++'s
 *                       hard negatives, Faghri et al. 2018) and must call fake, beside GAN-CLS's other images'
 *                       captions, so that D has to read the attribute words and not only the class; 0 (the default,
 *                       and what configs without the key get) keeps GAN-CLS's wrong captions only
 * @param resizeOutput   whether G's last layer doubles its input by nearest neighbour and then convolves it 3x3,
 *                       instead of a 4x4 transposed convolution of stride 2 (resize-convolution, Odena et al. 2016,
 *                       "Deconvolution and Checkerboard Artifacts"): the four pixels of each 2x2 block of the image are
 *                       then no longer drawn by four separate sub-kernels, whose differences add a fine grid to the
 *                       garment and raise the spread of its pixel values, the measure a caption's texture names
 *                       (measured: it did not, the excess spread is coarse; docs/results.md); false (the default,
 *                       and what configs without the key get) keeps the transposed convolution
 * @param jointHead      whether D also judges image and caption together through a hidden layer ({@link JointHead},
 *                       GAN-CLS's discriminator head, Reed et al. 2016), whose logit is added to the projection's;
 *                       false (the default, and what configs without the key get) keeps the projection alone
 * @param midConv        whether G has one more layer at its second resolution (14x14 on Fashion-MNIST): a 3x3
 *                       convolution with its own text-conditioned batch norm and ReLU, so that the caption sets the
 *                       features once more before the last layer draws the pixels (DF-GAN's generator fuses the
 *                       text into every block, Tao et al. 2022); false (the default, and what configs without the
 *                       key get) keeps DCGAN's two layers after the first
 * @param fineConv       whether the caption also sets G's features at the image's own resolution: the last
 *                       transposed convolution then makes feature maps (G's width in channels) with their own
 *                       text-conditioned batch norm and ReLU, and a 3x3 convolution draws the pixels from them
 *                       (DF-GAN fuses the text up to the last block, Tao et al. 2022); false (the default, and what
 *                       configs without the key get) draws the pixels with the transposed convolution itself.
 *                       Cannot be combined with {@code resizeOutput}, which replaces the same layer. Measured on
 *                       top of {@code text2image-seek}: lower FID and better R-precision, but texture further from
 *                       the captions' (docs/results.md), so no preset turns it on
 * @param wordsHead      whether GAN-CLS's wrong captions also train a head of their own ({@link WordsHead}) on D's
 *                       features, which tells an image's own caption from other images' captions. With
 *                       {@code matchingAware} off the verdict then weighs real pairs against fakes only, whose best
 *                       value compares the real and generated joint distributions, while the wrong captions still
 *                       teach D's features and text encoder the words: mixed into the verdict, real images with wrong
 *                       captions make the best verdict also reward how much more an image fits its caption than other
 *                       captions, which G exaggerates (docs/results.md). False (the default, and what configs without
 *                       the key get): no such head. Cannot be combined with {@code hardNegatives}
 * @param twinWeight     weight of TAC-GAN's twin term in G's loss (Gong et al. 2019): a twin of the words head
 *                       learns on the fakes to tell their own captions from wrong ones, and G is pushed up the words
 *                       head's logit and down the twin's, which moves how well fakes fit their captions towards how
 *                       well real images fit theirs, not past it; 0 (the default) leaves it out. Above 0 needs
 *                       {@code wordsHead}
 */
public record Text2ImageConfig(int embedDim, int maxWords, int vocabulary, boolean matchingAware, int pretrainSteps,
                               boolean interpolate, double matchWeight, double modeSeeking,
                               boolean fuseOutput, double hardNegatives, boolean resizeOutput,
                               boolean jointHead, boolean midConv, boolean fineConv, boolean wordsHead,
                               double twinWeight) {
    /** The section {@code text2image} of a config. */
    public static final ConfigSection<Text2ImageConfig> SECTION = new ConfigSection<>("text2image",
            Text2ImageConfig.class, Text2ImageConfig::defaults, true);

    public Text2ImageConfig {
        ConfigException.check(embedDim >= 1 && embedDim <= 4096, "text2image.embedDim must be in 1..4096, got "
                + embedDim);
        ConfigException.check(maxWords >= 1 && maxWords <= 256, "text2image.maxWords must be in 1..256, got "
                + maxWords);
        ConfigException.check(vocabulary >= 3 && vocabulary <= 1_000_000, "text2image.vocabulary must be in "
                + "3..1000000 (padding, unknown and at least one word), got " + vocabulary);
        ConfigException.check(pretrainSteps >= 0, "text2image.pretrainSteps must be >= 0 (0: no pretraining), got "
                + pretrainSteps);
        ConfigException.check(matchWeight >= 0 && matchWeight <= 1000, "text2image.matchWeight must be in 0..1000 "
                + "(0: no image-text matching term), got " + matchWeight);
        ConfigException.check(modeSeeking >= 0 && modeSeeking <= 1000, "text2image.modeSeeking must be in 0..1000 "
                + "(0: no mode-seeking term), got " + modeSeeking);
        ConfigException.check(hardNegatives >= 0 && hardNegatives <= 1, "text2image.hardNegatives must be in 0..1 "
                + "(the share of real images also shown with one attribute word changed; 0: none), got "
                + hardNegatives);
        ConfigException.check(hardNegatives == 0 || matchingAware, "text2image.hardNegatives needs "
                + "text2image.matchingAware: the changed captions are wrong captions of the matching-aware D");
        ConfigException.check(!(fineConv && resizeOutput), "text2image.fineConv and text2image.resizeOutput both "
                + "replace the generator's last layer: turn one of them off");
        ConfigException.check(!wordsHead || hardNegatives == 0, "text2image.wordsHead cannot be combined with "
                + "text2image.hardNegatives: its head learns from other images' captions only");
        ConfigException.check(twinWeight >= 0 && twinWeight <= 1000, "text2image.twinWeight must be in 0..1000 "
                + "(0: no twin term), got " + twinWeight);
        ConfigException.check(twinWeight == 0 || wordsHead, "text2image.twinWeight needs text2image.wordsHead: the "
                + "twin mirrors the words head");
    }

    /** The settings without contrastive pretraining. */
    public Text2ImageConfig(int embedDim, int maxWords, int vocabulary, boolean matchingAware) {
        this(embedDim, maxWords, vocabulary, matchingAware, 0, false, 0, 0, false, 0, false, false, false, false, false,
                0);
    }

    /**
     * 128-long embeddings of captions of up to 16 words, 1,000 word ids, matching-aware D, no pretraining, no
     * interpolated captions, no matching term, no mode seeking, an unconditioned last layer, no hard wrong captions,
     * a transposed convolution as the last layer, no joint head in D, no middle layer in G, no text at G's last
     * resolution, no words head, no twin term.
     */
    public static Text2ImageConfig defaults() {
        return new Text2ImageConfig(128, 16, 1000, true, 0, false, 0, 0, false, 0, false, false, false, false, false,
                0);
    }

    /** These settings with {@code steps} of contrastive pretraining. */
    public Text2ImageConfig withPretrainSteps(int steps) {
        return with("pretrainSteps", steps);
    }

    /** These settings with GAN-INT's interpolated captions on or off. */
    public Text2ImageConfig withInterpolate(boolean on) {
        return with("interpolate", on);
    }

    /** These settings with the DAMSM matching term at {@code weight} (0: off). */
    public Text2ImageConfig withMatchWeight(double weight) {
        return with("matchWeight", weight);
    }

    /** These settings with the mode-seeking term at {@code weight} (0: off). */
    public Text2ImageConfig withModeSeeking(double weight) {
        return with("modeSeeking", weight);
    }

    /** These settings with the text-conditioned last layer on or off. */
    public Text2ImageConfig withFuseOutput(boolean on) {
        return with("fuseOutput", on);
    }

    /** These settings with {@code share} of the real images also shown with one attribute word changed (0: none). */
    public Text2ImageConfig withHardNegatives(double share) {
        return with("hardNegatives", share);
    }

    /** These settings with the resize-convolution last layer on or off. */
    public Text2ImageConfig withResizeOutput(boolean on) {
        return with("resizeOutput", on);
    }

    /** These settings with D's joint image-text head on or off. */
    public Text2ImageConfig withJointHead(boolean on) {
        return with("jointHead", on);
    }

    /** These settings with G's middle layer on or off. */
    public Text2ImageConfig withMidConv(boolean on) {
        return with("midConv", on);
    }

    /** These settings with the text-conditioned features at the image's resolution on or off. */
    public Text2ImageConfig withFineConv(boolean on) {
        return with("fineConv", on);
    }

    /** These settings with D's words head on or off. */
    public Text2ImageConfig withWordsHead(boolean on) {
        return with("wordsHead", on);
    }

    /** These settings with the twin term at {@code weight} (0: off). */
    public Text2ImageConfig withTwinWeight(double weight) {
        return with("twinWeight", weight);
    }

    /**
     * These settings with {@code key} (a component's name, as in config.json) set to {@code value}, by the same
     * mechanism as a config override ({@link ConfigJson#withOverrides}): a setting added to the record needs no change
     * here, and the compact constructor still validates (its {@link ConfigException} comes through as it is).
     */
    private Text2ImageConfig with(String key, Object value) {
        return ConfigJson.withOverrides(this, List.of(key + "=" + value), Text2ImageConfig.class);
    }

    /** Whether the run has the image encoder: for pretraining, the matching term or both. */
    public boolean hasImageEncoder() {
        return pretrainSteps > 0 || matchWeight > 0;
    }

    /** The text2image settings of {@code config}. */
    public static Text2ImageConfig of(TrainConfig config) {
        return SECTION.of(config);
    }

    /** {@code config} with these settings as its {@code text2image} section. */
    public TrainConfig in(TrainConfig config) {
        return SECTION.set(config, this);
    }

    /** The sizes of each network's text encoder. */
    public TextEncoderConfig encoder() {
        return new TextEncoderConfig(vocabulary, TextEncoderConfig.DEFAULT_WORD_DIM,
                TextEncoderConfig.DEFAULT_HIDDEN_DIM, embedDim);
    }
}
