package org.jgan.models.text2image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.captions.CaptionAttribute;
import org.jgan.core.data.captions.Tokenizer;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttributeSwapsTest {
    /** "medium-sized" is left out of the vocabulary on purpose: a level the vocabulary lacks is never written. */
    static final List<String> CAPTIONS = List.of("a shaded shirt", "a dark, small plain t-shirt",
            "a photo of a sandal", "a large grey coat that is patterned", "this bag is light", "a small sneaker");
    static final Tokenizer TOKENIZER = Tokenizer.build(CAPTIONS, 8);

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    /** {@code reps} copies of the captions, one row each, and the same rows rolled by one as the ordinary wrong ones. */
    static int[][] rows(int reps) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            all.addAll(CAPTIONS);
        }
        return TOKENIZER.encodeAll(all);
    }

    static long[][] swap(int[][] own, double share, long seed) {
        int[] idx = new int[own.length];
        int[] rolled = new int[own.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
            rolled[i] = (i + 1) % own.length;
        }
        try (StepScope s = StepScope.open()) {
            Tensor out = new AttributeSwaps(TOKENIZER).wrong(Tensors.fromRows(own, idx),
                    Tensors.fromRows(own, rolled), share, seed);
            long[] flat = Tensors.toLongs(out);
            int len = own[0].length;
            long[][] r = new long[own.length][len];
            for (int i = 0; i < own.length; i++) {
                System.arraycopy(flat, i * len, r[i], 0, len);
            }
            return r;
        }
    }

    static long[] longs(int[] row) {
        return java.util.Arrays.stream(row).asLongStream().toArray();
    }

    static CaptionAttribute attributeOf(String word) {
        for (CaptionAttribute a : CaptionAttribute.values()) {
            if (a.words().contains(word)) {
                return a;
            }
        }
        return null;
    }

    @Test
    void everyChosenCaptionChangesOneAttributeWordToAnotherLevelOfTheSameAttribute() {
        int[][] own = rows(1);
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 60; seed++) {
            long[][] out = swap(own, 1.0, seed);
            for (int r = 0; r < own.length; r++) {
                if (r == 2) {  // "a photo of a sandal" names no attribute: it keeps the other image's caption
                    assertArrayEquals(longs(own[3]), out[r]);
                    continue;
                }
                int changed = -1;
                for (int i = 0; i < own[r].length; i++) {
                    if (own[r][i] != out[r][i]) {
                        assertEquals(-1, changed, "more than one word changed in row " + r);
                        changed = i;
                    }
                }
                assertTrue(changed >= 0, "row " + r + " kept its own caption");
                String before = TOKENIZER.word(own[r][changed]);
                String after = TOKENIZER.word((int) out[r][changed]);
                assertEquals(attributeOf(before), attributeOf(after), before + " -> " + after);
                assertFalse(after.equals("medium-sized"), "a word outside the vocabulary was written");
                seen.add(before + "->" + after);
            }
        }
        // every attribute word of the captions is chosen sometimes, and every other level in the vocabulary follows it
        for (String s : List.of("shaded->plain", "shaded->patterned", "dark->grey", "dark->light", "small->large",
                "plain->shaded", "plain->patterned", "large->small", "grey->dark", "patterned->plain", "light->grey")) {
            assertTrue(seen.contains(s), s + " never drawn: " + seen);
        }
        assertFalse(seen.contains("small->medium-sized"));
    }

    @Test
    void theShareIsTheShareOfRowsChangedAndZeroKeepsTheOrdinaryWrongCaptions() {
        int[][] own = rows(100);
        long[][] none = swap(own, 0.0, 7);
        for (int r = 0; r < own.length; r++) {
            assertArrayEquals(longs(own[(r + 1) % own.length]), none[r]);
        }
        long[][] half = swap(own, 0.5, 7);
        int hard = 0;
        int named = 0;
        for (int r = 0; r < own.length; r++) {
            if (r % CAPTIONS.size() == 2) {
                continue;
            }
            named++;
            long diff = 0;
            for (int i = 0; i < own[r].length; i++) {
                diff += own[r][i] != half[r][i] ? 1 : 0;
            }
            hard += diff == 1 ? 1 : 0;
        }
        assertEquals(0.5, hard / (double) named, 0.08, hard + " of " + named);
        assertArrayEquals(half[17], swap(own, 0.5, 7)[17], "the same seed draws the same captions");
    }

    @Test
    void badInputsAreRefused() {
        int[][] own = rows(1);
        for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> swap(own, bad, 1));
            assertTrue(e.getMessage().contains("must be in 0..1"), e.getMessage());
        }
        try (StepScope s = StepScope.open()) {
            Tensor a = Tensors.fromRows(own, new int[] {0, 1});
            Tensor b = Tensors.fromRows(own, new int[] {0, 1, 2});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new AttributeSwaps(TOKENIZER).wrong(a, b, 0.5, 1));
            assertTrue(e.getMessage().contains("same shape"), e.getMessage());
        }
    }
}
