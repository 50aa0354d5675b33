package org.jgan.core.data.captions;

/**
 * The (class, brightness, size) combinations kept out of text-to-image training, one per class, so that test prompts
 * can ask for a combination the generator has seen each part of but never together (compositional generalization, a
 * question Reed et al. 2016, "Generative Adversarial Text to Image Synthesis", raise with their zero-shot splits).
 *
 * <p>Class {@code c} holds out brightness level {@code c % 3} with size level {@code (c + c / 3) % 3}. For classes
 * 0..8 this walks all nine (brightness, size) pairs once, so every level of both attributes is held out for some
 * class; class 9 repeats the pair of class 0 (dark, small). Texture is not part of it: a held-out image is one whose
 * brightness and size match, whatever its texture. With per-class tertiles about a ninth of each class is held out.
 */
public final class HeldOutCompositions {
    private HeldOutCompositions() {
    }

    /** The brightness level held out for class {@code cls}. */
    public static int brightness(int cls) {
        requireClass(cls);
        return cls % CaptionAttribute.LEVELS;
    }

    /** The size level held out for class {@code cls}. */
    public static int size(int cls) {
        requireClass(cls);
        return (cls + cls / CaptionAttribute.LEVELS) % CaptionAttribute.LEVELS;
    }

    public static boolean isHeldOut(int cls, int brightnessLevel, int sizeLevel) {
        return brightness(cls) == brightnessLevel && size(cls) == sizeLevel;
    }

    /** {@code levels} indexed by {@link CaptionAttribute#ordinal()}. */
    public static boolean isHeldOut(int cls, int[] levels) {
        return isHeldOut(cls, levels[CaptionAttribute.BRIGHTNESS.ordinal()], levels[CaptionAttribute.SIZE.ordinal()]);
    }

    private static void requireClass(int cls) {
        if (cls < 0) {
            throw new IllegalArgumentException("class index must not be negative, got " + cls);
        }
    }
}
