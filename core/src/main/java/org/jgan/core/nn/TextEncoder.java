package org.jgan.core.nn;

import java.util.Arrays;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.EmbeddingOptions;
import org.bytedeco.pytorch.GRUImpl;
import org.bytedeco.pytorch.GRUOptions;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.PackedSequence;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.captions.Tokenizer;
import org.jgan.engine.Tensors;

/**
 * Encodes captions, as rows of word ids from a {@link Tokenizer}, into sentence embeddings for a text-to-image GAN:
 * word embeddings, a one-layer bidirectional GRU, the last valid state of each direction, and a linear map to
 * {@link TextEncoderConfig#embedDim()} numbers. This is the sentence half of AttnGAN's DAMSM text encoder (Xu et al.
 * 2018, "AttnGAN"), which DF-GAN (Tao et al. 2022) conditions on; Reed et al. 2016 ("Generative Adversarial Text to
 * Image Synthesis", GAN-CLS) used a recurrent encoder of the same role over characters.
 *
 * <p>Padding: ids {@value Tokenizer#PAD} are padding and must come after a caption's words, as the tokenizer writes
 * them. The GRU reads each caption as a packed sequence of its own length, so padding never enters it: the same
 * caption padded to any length gives the same embedding, and a row's embedding does not depend on the other rows.
 * An empty caption (only padding) encodes as the projection of a zero state (the linear layer's bias), never NaN.
 *
 * <p>A long-lived network like the generator and discriminator: build it outside any step scope, close it when done.
 * Its layers are registered, so {@code parameters()} feeds an optimizer and checkpoints save and load it (as a net of
 * its own in {@link org.jgan.core.train.Players}, or as a registered sub-module of a network that owns it).
 */
public final class TextEncoder extends GanNet {
    private final TextEncoderConfig config;
    private final EmbeddingImpl words;
    private final GRUImpl gru;
    private final LinearImpl project;

    /** A new encoder whose weights are drawn from {@code seed} alone, so the same seed gives the same encoder. */
    public TextEncoder(TextEncoderConfig config, long seed) {
        if (config == null) {
            throw new IllegalArgumentException("a text encoder needs its sizes (a TextEncoderConfig), got null");
        }
        this.config = config;
        EmbeddingOptions eo = new EmbeddingOptions(config.vocabulary(), config.wordDim());
        // The padding row stays zero and gets no gradient; packing keeps it out of the GRU anyway.
        eo.padding_idx().put(Tokenizer.PAD);
        words = register_module("words", new EmbeddingImpl(eo));
        GRUOptions go = new GRUOptions(config.wordDim(), config.hiddenDim());
        go.batch_first().put(true);
        go.bidirectional().put(true);
        gru = register_module("gru", new GRUImpl(go));
        project = register_module("project", Layers.linear(2L * config.hiddenDim(), config.embedDim(), true));
        reset(seed);
    }

    public TextEncoderConfig config() {
        return config;
    }

    /**
     * libtorch's own initialisation, drawn from a generator of {@code seed} instead of the global one: word vectors
     * N(0, 1) with the padding row zero, GRU weights and biases U(-1/sqrt(hidden), 1/sqrt(hidden)), the linear map
     * U(-1/sqrt(in), 1/sqrt(in)).
     */
    public void reset(long seed) {
        Generator gen = torch.createCPUGenerator(seed);
        GeneratorOptional g = new GeneratorOptional(gen);
        double gruBound = 1.0 / Math.sqrt(config.hiddenDim());
        double projectBound = 1.0 / Math.sqrt(2.0 * config.hiddenDim());
        // The parameter handles and the generator are temporaries; the parameters stay with the modules.
        try (PointerScope scope = new PointerScope(); NoGradGuard ng = new NoGradGuard()) {
            StringTensorDict params = named_parameters(true);
            for (long i = 0; i < params.size(); i++) {
                String name = params.get(i).key().getString();
                Tensor p = params.get(i).value();
                if (name.startsWith("words.")) {
                    p.normal_(0.0, 1.0, g);
                    p.select(0, Tokenizer.PAD).zero_();
                } else if (name.startsWith("gru.")) {
                    p.uniform_(-gruBound, gruBound, g);
                } else {
                    p.uniform_(-projectBound, projectBound, g);
                }
            }
        }
        g.close();
        gen.close();
    }

    /**
     * Sentence embeddings of a batch of captions.
     *
     * @param tokens int64 [B, L] word ids in [0, vocabulary), padding ({@value Tokenizer#PAD}) only at the end
     * @return float32 [B, embedDim], in the current step's scope
     */
    public Tensor encode(Tensor tokens) {
        long[] lengths = lengths(tokens);
        long b = lengths.length;
        long[] packedLengths = new long[(int) b];
        float[] nonEmpty = new float[(int) b];
        for (int i = 0; i < b; i++) {
            // pack_padded_sequence refuses length 0: an empty row is read as one padding id, then zeroed below.
            packedLengths[i] = Math.max(1, lengths[i]);
            nonEmpty[i] = lengths[i] > 0 ? 1f : 0f;
        }
        Tensor embedded = words.forward(tokens);
        // lengths on the CPU, as packing requires; unsorted rows are put back in order in the returned state.
        PackedSequence packed = torch.pack_padded_sequence(embedded, Tensors.fromLongs(packedLengths, b), true,
                false);
        Tensor last = gru.forward_with_packed_input(packed).get1();
        // [2, B, H] (forward direction at the last word, backward at the first) -> [B, 2H]
        Tensor state = last.transpose(0, 1).reshape(b, 2L * config.hiddenDim());
        Tensor keep = Tensors.fromFloats(nonEmpty, b, 1).to(state.device(), state.scalar_type());
        return project.forward(state.mul(keep));
    }

    /** {@link #encode}; a text encoder takes no class labels, so {@code labels} must be null. */
    @Override
    public Tensor forward(Tensor tokens, Tensor labels) {
        if (labels != null) {
            throw new IllegalArgumentException("a text encoder takes only word ids; class labels must be null");
        }
        return encode(tokens);
    }

    /** Each row's number of words, after checking the whole batch (one copy of the ids to the CPU). */
    private long[] lengths(Tensor tokens) {
        if (tokens == null) {
            throw new IllegalArgumentException("a text encoder needs word ids, got null");
        }
        if (tokens.dim() != 2 || tokens.size(0) < 1 || tokens.size(1) < 1) {
            throw new IllegalArgumentException("a text encoder takes word ids of shape [batch, length], both at "
                    + "least 1; got shape " + Arrays.toString(Tensors.shape(tokens)));
        }
        // intern(): JavaCPP returns a fresh enum object, so == against the constant is always false without it.
        if (tokens.scalar_type().intern() != torch.ScalarType.Long) {
            throw new IllegalArgumentException("a text encoder takes word ids as int64, got " + tokens.scalar_type());
        }
        int b = (int) tokens.size(0);
        int len = (int) tokens.size(1);
        long[] ids = Tensors.toLongs(tokens);
        long[] lengths = new long[b];
        for (int r = 0; r < b; r++) {
            int n = 0;
            for (int c = 0; c < len; c++) {
                long id = ids[r * len + c];
                if (id < 0 || id >= config.vocabulary()) {
                    throw new IllegalArgumentException("word id " + id + " (row " + r + ", position " + c
                            + ") is not in this text encoder's vocabulary of " + config.vocabulary());
                }
                if (id != Tokenizer.PAD) {
                    if (n != c) {
                        throw new IllegalArgumentException("row " + r + " has a word after padding (position " + c
                                + "); padding must come after a caption's words, as the tokenizer writes it");
                    }
                    n++;
                }
            }
            lengths[r] = n;
        }
        return lengths;
    }
}
