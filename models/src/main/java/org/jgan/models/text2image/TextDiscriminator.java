package org.jgan.models.text2image;

import org.jgan.core.nn.TextEncoder;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;
import org.jgan.models.dcgan.DcganDiscriminator;

/**
 * The text-to-image discriminator: DCGAN's body phi(x) and a projection of the caption (Miyato and Koyama 2018, with
 * a sentence embedding in place of a class embedding): logit = psi(phi(x)) + P(e) . phi(x), so D judges whether x is
 * a real image <em>that fits the caption</em>; with wrong captions as fakes it is GAN-CLS's matching-aware
 * discriminator (Reed et al. 2016). It reads captions with its own {@link TextEncoder}, trained with D. With
 * {@code text2image.jointHead} it adds GAN-CLS's joint head's logit ({@link JointHead}); with {@code
 * text2image.wordsHead} it has a head of its own for the wrong captions ({@link WordsHead}), and a twin of it with
 * {@code text2image.twinWeight}.
 */
public final class TextDiscriminator extends DcganDiscriminator {
    private final TextEncoder text;
    private final LinearImpl project;
    private final JointHead joint;
    private final WordsHead words;
    private final WordsHead twin;

    public TextDiscriminator(TrainConfig config, DataShape shape, long seed) {
        super(config, shape, seed);
        Text2ImageConfig cfg = Text2ImageConfig.of(config);
        text = register_module("text", new TextEncoder(cfg.encoder(), seed + 11));
        project = register_module("project", Layers.linear(cfg.embedDim(), featureDim(), false));
        long h = shape.height() / 4;
        long w = shape.width() / 4;
        joint = cfg.jointHead() ? register_module("joint", new JointHead(featureDim() / (h * w), h, w, cfg.embedDim()))
                : null;
        words = cfg.wordsHead() ? register_module("words", new WordsHead(featureDim(), cfg.embedDim())) : null;
        twin = cfg.twinWeight() > 0 ? register_module("twin", new WordsHead(featureDim(), cfg.embedDim())) : null;
    }

    /** The discriminator's own text encoder. */
    public TextEncoder textEncoder() {
        return text;
    }

    /** D(x, caption): {@code tokens} are the captions' word ids, int64 [N, L]. */
    @Override
    public Tensor forward(Tensor x, Tensor tokens) {
        if (tokens == null) {
            throw new ConfigException("this discriminator judges images with their captions: give word ids");
        }
        return fromEmbedding(x, text.encode(tokens));
    }

    /** D(x, e) for sentence embeddings {@code e} [N, embedDim] made by this discriminator's encoder. */
    public Tensor fromEmbedding(Tensor x, Tensor e) {
        return verdict(features(x), e);
    }

    /** D's verdict on features {@code phi} ({@link #features}) with sentence embeddings {@code e}. */
    Tensor verdict(Tensor phi, Tensor e) {
        // inner product of the projected caption with the image features
        Tensor logit = head(phi).add(project.forward(e).mul(phi).sum(new long[]{1}));
        return joint == null ? logit : logit.add(joint.forward(phi, e));
    }

    /** The words head's logit ({@code text2image.wordsHead}); features and embeddings as {@link #verdict}. */
    Tensor words(Tensor phi, Tensor e) {
        if (words == null) {
            throw new IllegalStateException("this discriminator has no words head (text2image.wordsHead is off)");
        }
        return words.forward(phi, e);
    }

    /** The twin head's logit ({@code text2image.twinWeight} > 0); features and embeddings as {@link #verdict}. */
    Tensor twin(Tensor phi, Tensor e) {
        if (twin == null) {
            throw new IllegalStateException("this discriminator has no twin head (text2image.twinWeight is 0)");
        }
        return twin.forward(phi, e);
    }
}
