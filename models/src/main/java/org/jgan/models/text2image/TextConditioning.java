package org.jgan.models.text2image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.captions.CaptionThresholds;
import org.jgan.core.data.captions.Tokenizer;
import org.jgan.core.train.AtomicFiles;
import org.jgan.core.train.Conditioning;
import org.jgan.engine.Tensors;

/**
 * Captions as the condition (Reed et al. 2016): each training image's caption as a row of word ids, int64 [N, L]; the
 * fixed sample view shows one prompt per row. The run folder keeps what generating from new sentences needs: the
 * vocabulary ({@value #VOCABULARY}), the fixed view's prompts ({@value #PROMPTS}) and, for captions made from measured
 * attributes, their thresholds ({@value #THRESHOLDS}).
 */
public final class TextConditioning implements Conditioning {
    /** The run's vocabulary, {@link Tokenizer#save}'s format. */
    public static final String VOCABULARY = "vocabulary.json";
    /** The fixed sample view's prompts, one per line, top row first. */
    public static final String PROMPTS = "prompts.txt";
    /** The caption thresholds of a run on captioned Fashion-MNIST. */
    public static final String THRESHOLDS = "caption-thresholds.json";
    /** The seed of the phrasings of captioned Fashion-MNIST's captions, train and test split alike. */
    public static final long FASHION_CAPTION_SEED = 0;

    private final Tokenizer tokenizer;
    private final int[][] rows;
    private final List<String> prompts;
    private final CaptionThresholds thresholds;
    private final AttributeSwaps swaps;

    /**
     * @param captions   one caption per training image, in image order
     * @param prompts    the fixed view's prompts, one row each
     * @param thresholds the attribute thresholds the captions came from, or null for a user's own captions
     */
    public TextConditioning(Tokenizer tokenizer, List<String> captions, List<String> prompts,
                            CaptionThresholds thresholds) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("the fixed sample view needs at least one prompt");
        }
        this.tokenizer = tokenizer;
        this.rows = tokenizer.encodeAll(captions);
        this.prompts = List.copyOf(prompts);
        this.thresholds = thresholds;
        this.swaps = new AttributeSwaps(tokenizer);
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public List<String> prompts() {
        return prompts;
    }

    /** The hard wrong captions of this vocabulary's attribute words. */
    AttributeSwaps swaps() {
        return swaps;
    }

    @Override
    public Tensor batch(int[] idx) {
        return Tensors.fromRows(rows, idx);
    }

    @Override
    public Tensor fixed(int n) {
        int cols = columns(n);
        int[][] prompt = tokenizer.encodeAll(prompts);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = Math.min(i / cols, prompts.size() - 1);
        }
        return Tensors.fromRows(prompt, idx);
    }

    /** As many columns as fill one row per prompt. */
    @Override
    public int columns(int n) {
        return Math.max(1, n / prompts.size());
    }

    @Override
    public void save(Path runDir) throws IOException {
        tokenizer.save(runDir.resolve(VOCABULARY));
        AtomicFiles.writeString(runDir.resolve(PROMPTS), String.join("\n", prompts) + "\n");
        if (thresholds != null) {
            thresholds.save(runDir.resolve(THRESHOLDS));
        }
    }
}
