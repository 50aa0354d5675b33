package org.jgan.core.data.captions;

import org.jgan.core.data.JsonFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a caption into a fixed-length row of word ids for a text encoder, as the text side of text-to-image GANs
 * (Reed et al. 2016, "Generative Adversarial Text to Image Synthesis", who encode words of a caption in order).
 *
 * <ul>
 *   <li>Words: the text is lower-cased and split into runs of letters and digits; a hyphen between two such runs
 *       joins them, so "t-shirt" and "medium-sized" stay one word. Anything else (spaces, punctuation, apostrophes)
 *       separates words.</li>
 *   <li>Ids: {@value #PAD} pads, {@value #UNKNOWN} stands for any word not in the vocabulary; the vocabulary, built
 *       from the training captions, gives ids from 2 on, most frequent word first (ties by spelling), so the same
 *       captions always give the same ids.</li>
 *   <li>Unknown words: only known words carry meaning; an unknown word maps to {@value #UNKNOWN} rather than being
 *       dropped, so word positions are kept, and {@link #unknownWords} lists them so a caller can report them.</li>
 *   <li>Length: every row has {@link #maxLength()} ids; a shorter caption is padded at the end, a longer one keeps its
 *       first {@link #maxLength()} words.</li>
 * </ul>
 */
public final class Tokenizer {
    public static final int PAD = 0;
    public static final int UNKNOWN = 1;
    static final String PAD_WORD = "<pad>";
    static final String UNKNOWN_WORD = "<unk>";
    static final String FORMAT = "jgan-vocabulary";
    static final int VERSION = 1;
    private static final String WHAT = "vocabulary";

    private final List<String> vocabulary;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int maxLength;

    /** A tokenizer whose words get ids 2, 3, ... in the order given. */
    public Tokenizer(List<String> words, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("a tokenizer's maximum length must be at least 1, got " + maxLength);
        }
        List<String> v = new ArrayList<>(List.of(PAD_WORD, UNKNOWN_WORD));
        ids.put(PAD_WORD, PAD);
        ids.put(UNKNOWN_WORD, UNKNOWN);
        for (String w : words) {
            if (!words(w).equals(List.of(w))) {
                throw new IllegalArgumentException("\"" + w + "\" is not a single lower-case word as the tokenizer "
                        + "splits text");
            }
            if (ids.putIfAbsent(w, v.size()) != null) {
                throw new IllegalArgumentException("\"" + w + "\" is twice in the vocabulary");
            }
            v.add(w);
        }
        this.vocabulary = List.copyOf(v);
        this.maxLength = maxLength;
    }

    /** A vocabulary of every word in {@code captions}, most frequent first. */
    public static Tokenizer build(Collection<String> captions, int maxLength) {
        return build(captions, maxLength, Integer.MAX_VALUE);
    }

    /**
     * A vocabulary of the most frequent words in {@code captions}, most frequent first, with at most {@code maxIds}
     * ids in all (the two reserved ones included): rarer words read as unknown.
     */
    public static Tokenizer build(Collection<String> captions, int maxLength, int maxIds) {
        if (maxIds < 3) {
            throw new IllegalArgumentException("a vocabulary needs room for padding, unknown and one word: at least 3 "
                    + "ids, got " + maxIds);
        }
        Map<String, Integer> count = new HashMap<>();
        for (String c : captions) {
            for (String w : words(c)) {
                count.merge(w, 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>(count.keySet());
        words.sort((a, b) -> count.get(a).equals(count.get(b)) ? a.compareTo(b) : count.get(b) - count.get(a));
        return new Tokenizer(words.subList(0, Math.min(words.size(), maxIds - 2)), maxLength);
    }

    /** The words of {@code text}, lower-cased, in order (see the class comment for what a word is). */
    public static List<String> words(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                cur.appendCodePoint(cp);
            } else if (cp == '-' && cur.length() > 0 && next < s.length()
                    && Character.isLetterOrDigit(s.codePointAt(next))) {
                cur.append('-');
            } else if (cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            i = next;
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** {@link #maxLength()} ids: the caption's words, {@value #UNKNOWN} for unknown ones, then {@value #PAD}s. */
    public int[] encode(String text) {
        int[] out = new int[maxLength];
        List<String> w = words(text);
        for (int i = 0; i < Math.min(w.size(), maxLength); i++) {
            out[i] = id(w.get(i));
        }
        return out;
    }

    /** One row of {@link #encode} per caption. */
    public int[][] encodeAll(List<String> texts) {
        int[][] out = new int[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = encode(texts.get(i));
        }
        return out;
    }

    /** The words of {@code text} (all of them, also past the maximum length) that the vocabulary lacks, in order. */
    public List<String> unknownWords(String text) {
        return words(text).stream().filter(w -> !ids.containsKey(w)).toList();
    }

    /** The id of a word, {@value #UNKNOWN} when it is not in the vocabulary. */
    public int id(String word) {
        return ids.getOrDefault(word, UNKNOWN);
    }

    /** The word of an id: "&lt;pad&gt;" and "&lt;unk&gt;" for the reserved ones. */
    public String word(int id) {
        if (id < 0 || id >= vocabulary.size()) {
            throw new IllegalArgumentException("word id " + id + " is not in a vocabulary of " + vocabulary.size());
        }
        return vocabulary.get(id);
    }

    /** The words of {@code ids} up to the first padding, joined by spaces. */
    public String decode(int[] ids) {
        List<String> w = new ArrayList<>();
        for (int id : ids) {
            if (id == PAD) {
                break;
            }
            w.add(word(id));
        }
        return String.join(" ", w);
    }

    /** Number of ids, the two reserved ones included. */
    public int size() {
        return vocabulary.size();
    }

    public int maxLength() {
        return maxLength;
    }

    /** Writes the vocabulary and maximum length as JSON, whole or not at all. */
    public void save(Path file) {
        ObjectNode root = JsonFiles.start(FORMAT, VERSION);
        root.put("maxLength", maxLength);
        ArrayNode w = root.putArray("words");
        vocabulary.forEach(w::add);
        JsonFiles.write(file, root, WHAT);
    }

    /** Reads a vocabulary written by {@link #save}; any problem is a {@link org.jgan.core.data.DataException}. */
    public static Tokenizer load(Path file) {
        JsonNode root = JsonFiles.read(file, FORMAT, VERSION, WHAT);
        JsonNode w = root.path("words");
        if (!root.path("maxLength").canConvertToInt() || !w.isArray() || w.size() < 2
                || !PAD_WORD.equals(w.get(0).asText()) || !UNKNOWN_WORD.equals(w.get(1).asText())) {
            throw JsonFiles.bad(file, WHAT, "needs \"maxLength\" and \"words\" starting with \"" + PAD_WORD
                    + "\", \"" + UNKNOWN_WORD + "\"");
        }
        List<String> words = new ArrayList<>();
        for (int i = 2; i < w.size(); i++) {
            if (!w.get(i).isTextual()) {
                throw JsonFiles.bad(file, WHAT, "word " + i + " is not a string: " + w.get(i));
            }
            words.add(w.get(i).asText());
        }
        try {
            return new Tokenizer(words, root.get("maxLength").asInt());
        } catch (IllegalArgumentException e) {
            throw JsonFiles.bad(file, WHAT, e.getMessage());
        }
    }
}
