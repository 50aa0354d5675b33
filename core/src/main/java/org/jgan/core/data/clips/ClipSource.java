package org.jgan.core.data.clips;

import java.util.List;

/**
 * Short video clips of equal length and frame size, read by index: the training data of video GANs (Tulyakov et al.
 * 2018, "MoCoGAN: Decomposing Motion and Content for Video Generation"). A clip is {@code channels x frames x height x
 * width} unsigned bytes, channel-major as 3D convolutions take them. Sources may make clips when asked (moving
 * Fashion-MNIST renders them from the installed images) or hold them ({@link Clips}). Plain Java state.
 */
public interface ClipSource {
    /** Where the clips come from, e.g. "moving-fashion-mnist:train" or a folder. */
    String name();

    /** Number of clips. */
    int size();

    /** 1 (grayscale) or 3 (RGB). */
    int channels();

    int frames();

    int height();

    int width();

    /** Bytes of one clip: channels x frames x height x width. */
    default int clipBytes() {
        return channels() * frames() * height() * width();
    }

    /** Writes clip {@code i} into {@code dst} from {@code offset} ({@link #clipBytes()} bytes). */
    void render(int i, byte[] dst, int offset);

    /** The class of clip {@code i}, or -1 when the clips are unlabelled. */
    int label(int i);

    /** Class names; empty when unlabelled. */
    List<String> classNames();

    /**
     * The recorded motion of clip {@code i}: for each frame, for each moving object, its centre of mass (x, y) in
     * pixels, so {@code frames x objects x 2} floats; null when the motion is not known (a user's clips).
     */
    default float[] trajectory(int i) {
        return null;
    }

    /** Moving objects per clip in {@link #trajectory}: 0 when unknown. */
    default int objects() {
        return 0;
    }

    /** Whether the clips carry class labels. */
    default boolean labelled() {
        return !classNames().isEmpty();
    }

    /** The first {@code n} clips (all when n is at least {@link #size()}) held in memory. */
    default Clips head(int n) {
        int count = Math.min(n, size());
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        return Clips.of(this, idx, name() + (count < size() ? "[:" + count + "]" : ""));
    }
}
