package org.jgan.core.data.captions;

import java.util.List;
import java.util.Locale;

/**
 * The three attributes a Fashion-MNIST caption can mention besides the class, each with three levels (so guessing
 * is right a third of the time), named by the words captions use for them. The words double as the level names in
 * files and reports, so what a caption says and what an evaluation scores are spelled the same way.
 *
 * <p>The levels are measured on the pixels by {@link CaptionAttributes} and cut per class by
 * {@link CaptionThresholds}; this plays the role of the visual descriptions in Reed et al. 2016, "Generative
 * Adversarial Text to Image Synthesis", with the advantage that whether an image matches its text can be measured.
 */
public enum CaptionAttribute {
    /** Mean value of the garment pixels: a light garment is bright on Fashion-MNIST's black background. */
    BRIGHTNESS("dark", "grey", "light"),
    /** Share of the frame the garment fills. "medium-sized" rather than "medium", which reads as a clothing size. */
    SIZE("small", "medium-sized", "large"),
    /** Spread (standard deviation) of the garment pixel values: a plain garment has one tone, a patterned one many. */
    TEXTURE("plain", "shaded", "patterned");

    /** Levels per attribute. */
    public static final int LEVELS = 3;

    private final List<String> words;

    CaptionAttribute(String... words) {
        this.words = List.of(words);
    }

    /** The attribute's name in files, e.g. "brightness". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The caption word for {@code level} (0 = lowest). */
    public String word(int level) {
        if (level < 0 || level >= LEVELS) {
            throw new IllegalArgumentException(key() + " level must be 0.." + (LEVELS - 1) + ", got " + level);
        }
        return words.get(level);
    }

    /** All level words, lowest first. */
    public List<String> words() {
        return words;
    }

    /** The bit of this attribute in a mentioned-attribute mask ({@link Caption#mentioned()}). */
    public int bit() {
        return 1 << ordinal();
    }
}
