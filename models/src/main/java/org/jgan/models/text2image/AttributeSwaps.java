package org.jgan.models.text2image;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.captions.CaptionAttribute;
import org.jgan.core.data.captions.Tokenizer;
import org.jgan.engine.Tensors;

/**
 * Hard wrong captions for the matching-aware discriminator: an image's own caption with one attribute word changed to
 * another level of the same attribute ("a shaded shirt" becomes "a patterned shirt"). GAN-CLS (Reed et al. 2016)
 * pairs real images with another image's caption, which on captioned Fashion-MNIST usually names another class, so D
 * can call the pair wrong by the class alone and never has to learn the finer words; a caption that differs from the
 * truth in one word is the hard negative of visual-semantic embeddings (Faghri et al. 2018, VSE++), and the levels of
 * an attribute exclude each other, so the changed caption is false of the image. The words are
 * {@link CaptionAttribute}'s; a caption that holds none of them (a user's own captions may not) keeps its ordinary
 * wrong caption.
 */
final class AttributeSwaps {
    /** Word id of an attribute level to the ids of the same attribute's other levels in the vocabulary (maybe none). */
    private final Map<Integer, int[]> othersOf = new HashMap<>();

    AttributeSwaps(Tokenizer tokenizer) {
        for (CaptionAttribute a : CaptionAttribute.values()) {
            int[] ids = a.words().stream().mapToInt(w -> known(tokenizer, w)).filter(id -> id >= 0).toArray();
            for (int id : ids) {
                othersOf.put(id, Arrays.stream(ids).filter(o -> o != id).toArray());
            }
        }
    }

    private static int known(Tokenizer tokenizer, String word) {
        int id = tokenizer.id(word);
        return id == Tokenizer.UNKNOWN || id == Tokenizer.PAD ? -1 : id;
    }

    /**
     * Wrong captions for {@code tokens} (int64 [B, L]): about {@code share} of the rows, drawn by {@code seed}, get
     * their own caption with one attribute word (drawn among those it holds) changed to another level (drawn among
     * those in the vocabulary); the other rows, and chosen rows without such a word, get their row of
     * {@code otherwise} (another image's caption). Returns int64 [B, L] on {@code tokens}' device.
     */
    Tensor wrong(Tensor tokens, Tensor otherwise, double share, long seed) {
        if (tokens.dim() != 2 || !Arrays.equals(Tensors.shape(tokens), Tensors.shape(otherwise))) {
            throw new IllegalArgumentException("hard wrong captions need [B, L] word ids and fallback captions of the "
                    + "same shape, got " + Arrays.toString(Tensors.shape(tokens)) + " and "
                    + Arrays.toString(Tensors.shape(otherwise)));
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the share of hard wrong captions must be in 0..1, got " + share);
        }
        int b = (int) tokens.size(0);
        int len = (int) tokens.size(1);
        long[] own = Tensors.toLongs(tokens);
        long[] out = Tensors.toLongs(otherwise);
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] found = new int[len];
        for (int r = 0; r < b; r++) {
            // Both draws are made for every row, so which rows change does not depend on what the others hold.
            boolean hard = rnd.nextDouble() < share;
            long pick = rnd.nextLong();
            int n = 0;
            for (int i = 0; i < len; i++) {
                if (othersOf.containsKey((int) own[r * len + i])) {
                    found[n++] = i;
                }
            }
            if (!hard || n == 0) {
                continue;
            }
            int at = found[(int) Long.remainderUnsigned(pick, n)];
            int[] others = othersOf.get((int) own[r * len + at]);
            if (others.length == 0) {  // a level alone in the vocabulary has nothing to change into
                continue;
            }
            System.arraycopy(own, r * len, out, r * len, len);
            out[r * len + at] = others[(int) Long.remainderUnsigned(Long.divideUnsigned(pick, n), others.length)];
        }
        return Tensors.fromLongs(out, b, len).to(tokens.device(), torch.ScalarType.Long);
    }
}
