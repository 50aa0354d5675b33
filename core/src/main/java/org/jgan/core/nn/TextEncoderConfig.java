package org.jgan.core.nn;

import org.jgan.core.config.ConfigException;
import org.jgan.core.data.captions.Tokenizer;

/**
 * The sizes of a {@link TextEncoder}.
 *
 * @param vocabulary number of word ids, the two reserved ones ({@link Tokenizer#PAD}, {@link Tokenizer#UNKNOWN})
 *                   included: {@link Tokenizer#size()}
 * @param wordDim    size of a word's embedding
 * @param hiddenDim  size of the GRU's state in each direction
 * @param embedDim   size of the sentence embedding the encoder returns
 */
public record TextEncoderConfig(int vocabulary, int wordDim, int hiddenDim, int embedDim) {
    /** Word embedding and GRU sizes of {@link #forTokenizer}: small, the captions have few words. */
    public static final int DEFAULT_WORD_DIM = 64;
    public static final int DEFAULT_HIDDEN_DIM = 64;

    public TextEncoderConfig {
        ConfigException.check(vocabulary >= 2, "a text encoder's vocabulary must hold at least the two reserved ids "
                + "(padding and unknown word), got " + vocabulary);
        ConfigException.check(wordDim >= 1, "a text encoder's word embedding size must be at least 1, got " + wordDim);
        ConfigException.check(hiddenDim >= 1, "a text encoder's GRU state size must be at least 1, got " + hiddenDim);
        ConfigException.check(embedDim >= 1, "a text encoder's sentence embedding size must be at least 1, got "
                + embedDim);
    }

    /** An encoder for the ids of {@code tokenizer}, with the default word and GRU sizes. */
    public static TextEncoderConfig forTokenizer(Tokenizer tokenizer, int embedDim) {
        return new TextEncoderConfig(tokenizer.size(), DEFAULT_WORD_DIM, DEFAULT_HIDDEN_DIM, embedDim);
    }
}
