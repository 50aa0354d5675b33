package org.jgan.core.data.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a caption for a garment from its class and attribute levels, as the text side of text-to-image training
 * (Reed et al. 2016, "Generative Adversarial Text to Image Synthesis"). The same seed and index always give the same
 * caption; across indices the caption varies in three ways, so a text encoder has to learn what the words mean rather
 * than where they sit in a fixed template:
 * <ul>
 *   <li>which attributes it mentions: one of the 7 non-empty subsets of {@link CaptionAttribute};</li>
 *   <li>the order it names them in (every order of that subset);</li>
 *   <li>the phrasing: one of {@value #PHRASINGS}, e.g. "a dark, large pullover", "ankle boot, light coloured",
 *       "a small, plain sneaker that is dark", "this coat is grey and patterned".</li>
 * </ul>
 * The class is always named, as {@link #noun}.
 */
public final class Captioner {
    /** Number of phrasings. */
    public static final int PHRASINGS = 8;
    private static final int SUBSETS = (1 << CaptionAttribute.values().length) - 1;

    private final long seed;

    public Captioner(long seed) {
        this.seed = seed;
    }

    /**
     * The class name as a caption writes it: lower case, and for a name offering alternatives ("T-shirt/top") the
     * first one, "t-shirt", which names what most images of that class show ("top" would also fit shirts and
     * pullovers). "Trouser" stays singular, as retail catalogues write it, so every class takes "a" or "an".
     */
    public static String noun(String className) {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("a caption needs a class name, got an empty one");
        }
        String n = className.strip().toLowerCase(Locale.ROOT);
        int slash = n.indexOf('/');
        if (slash > 0) {
            n = n.substring(0, slash).strip();
        }
        return n;
    }

    /**
     * The caption of the {@code index}-th image of class {@code className} with attribute {@code levels} (indexed by
     * {@link CaptionAttribute#ordinal()}, each 0..2).
     */
    public Caption caption(String className, int[] levels, long index) {
        if (levels == null || levels.length != CaptionAttribute.values().length) {
            throw new IllegalArgumentException("a caption needs " + CaptionAttribute.values().length
                    + " attribute levels, got " + (levels == null ? "none" : levels.length));
        }
        long h = mix(seed, index);
        int subset = 1 + (int) Long.remainderUnsigned(h, SUBSETS);
        h = Long.divideUnsigned(h, SUBSETS);
        int phrasing = (int) Long.remainderUnsigned(h, PHRASINGS);
        h = Long.divideUnsigned(h, PHRASINGS);
        List<CaptionAttribute> order = order(subset, h);
        List<String> words = new ArrayList<>();
        for (CaptionAttribute a : order) {
            words.add(a.word(levels[a.ordinal()]));
        }
        return new Caption(phrase(noun(className), order, words, phrasing), subset);
    }

    /** The attributes of {@code subset} in one of their orders, chosen by {@code h}. */
    private static List<CaptionAttribute> order(int subset, long h) {
        List<CaptionAttribute> left = new ArrayList<>();
        for (CaptionAttribute a : CaptionAttribute.values()) {
            if ((subset & a.bit()) != 0) {
                left.add(a);
            }
        }
        List<CaptionAttribute> out = new ArrayList<>();
        // Picking one of the remaining attributes at each step by a digit of h walks every order equally often.
        while (!left.isEmpty()) {
            int k = (int) Long.remainderUnsigned(h, left.size());
            h = Long.divideUnsigned(h, left.size());
            out.add(left.remove(k));
        }
        return out;
    }

    static String phrase(String noun, List<CaptionAttribute> order, List<String> w, int phrasing) {
        int k = w.size();
        return switch (phrasing) {
            case 0 -> article(String.join(", ", w) + " " + noun);
            case 1 -> noun + ", " + String.join(", ", predicates(order, w));
            case 2 -> k == 1 ? article(noun) + " that is " + w.get(0)
                    : article(String.join(", ", w.subList(0, k - 1)) + " " + noun) + " that is " + w.get(k - 1);
            case 3 -> article(noun) + " that is " + and(w);
            case 4 -> "a photo of " + article(String.join(" ", w) + " " + noun);
            case 5 -> String.join(", ", w) + " " + noun;
            case 6 -> "this " + noun + " is " + and(w);
            case 7 -> "a picture of " + article(noun) + ", " + and(w);
            default -> throw new IllegalArgumentException("phrasing " + phrasing + " is not 0.." + (PHRASINGS - 1));
        };
    }

    /** Words as they read after a comma: "light coloured" for a brightness, the bare word otherwise. */
    private static List<String> predicates(List<CaptionAttribute> order, List<String> w) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            out.add(order.get(i) == CaptionAttribute.BRIGHTNESS ? w.get(i) + " coloured" : w.get(i));
        }
        return out;
    }

    /** "x", "x and y", "x, y and z". */
    private static String and(List<String> w) {
        int k = w.size();
        return k == 1 ? w.get(0) : String.join(", ", w.subList(0, k - 1)) + " and " + w.get(k - 1);
    }

    /** "a" or "an" by the first letter of what follows ("an ankle boot"); good enough for English garment words. */
    private static String article(String phrase) {
        return ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
    }

    /** SplitMix64 of seed and index: neighbouring indices get unrelated choices. */
    private static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
