package org.jgan.models.text2image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.captions.Tokenizer;

/**
 * Sentences a user wants images of, read with the vocabulary a text2image run trained with (its
 * {@value TextConditioning#VOCABULARY}). The policy, the same as in training: words are lower-cased and split as
 * {@link Tokenizer} does; a word the run never saw reads as the unknown word and is reported; a prompt longer than the
 * run's caption length keeps its first words and is reported; an empty prompt is refused, as it names nothing.
 */
public final class PromptEncoder {
    /** The most prompts one call encodes. */
    public static final int MAX_PROMPTS = 100_000;
    private final Tokenizer tokenizer;

    public PromptEncoder(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The encoder of the text2image run in {@code runDir}. */
    public static PromptEncoder ofRun(Path runDir) {
        Path file = runDir.resolve(TextConditioning.VOCABULARY);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(runDir + ": no " + TextConditioning.VOCABULARY + "; generating from prompts "
                    + "needs a text2image run");
        }
        return new PromptEncoder(Tokenizer.load(file));
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Word ids [prompts, maxLength] as a Java array; refuses empty prompts, naming them. */
    public int[][] encode(List<String> prompts) {
        check(prompts);
        return tokenizer.encodeAll(prompts);
    }

    /** What encoding changed in {@code prompts}, one line per change; empty when nothing. */
    public List<String> warnings(List<String> prompts) {
        check(prompts);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            String p = prompts.get(i);
            List<String> unknown = tokenizer.unknownWords(p);
            int words = Tokenizer.words(p).size();
            if (unknown.size() == words) {
                out.add("prompt " + (i + 1) + " (\"" + p + "\"): none of its words is in the run's vocabulary, so "
                        + "the images follow no text");
            } else if (!unknown.isEmpty()) {
                out.add("prompt " + (i + 1) + " (\"" + p + "\"): words not in the run's vocabulary are read as "
                        + "unknown: " + String.join(", ", unknown));
            }
            if (words > tokenizer.maxLength()) {
                out.add("prompt " + (i + 1) + " has " + words + " words; the run reads the first "
                        + tokenizer.maxLength());
            }
        }
        return out;
    }

    private static void check(List<String> prompts) {
        if (prompts == null || prompts.isEmpty()) {
            throw new ConfigException("no prompts given; give at least one sentence, such as \"a light ankle boot\"");
        }
        if (prompts.size() > MAX_PROMPTS) {
            throw new ConfigException(prompts.size() + " prompts is more than " + MAX_PROMPTS + " in one call");
        }
        for (int i = 0; i < prompts.size(); i++) {
            String p = prompts.get(i);
            if (p == null || Tokenizer.words(p).isEmpty()) {
                throw new ConfigException("prompt " + (i + 1) + " is empty (it has no words); give a sentence such "
                        + "as \"a light ankle boot\"");
            }
        }
    }
}
