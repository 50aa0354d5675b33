package org.jgan.api.synthetic;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * A stand-in for a conditional GAN: 1 x 2 x 2 images whose first pixel is random (seeded) and whose second pixel is
 * the class asked for, so tests can see both the seed and the labels at work without libtorch.
 */
final class FakeGenerator implements LabelledGenerator {
    static final int PIXELS = 4;
    int calls;

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public int height() {
        return 2;
    }

    @Override
    public int width() {
        return 2;
    }

    @Override
    public List<String> classNames() {
        return List.of("a", "b", "c");
    }

    @Override
    public byte[] generate(int n, long seed, IntUnaryOperator labelOf) {
        calls++;
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[n * PIXELS];
        for (int i = 0; i < n; i++) {
            px[i * PIXELS] = (byte) rng.nextInt(256);
            px[i * PIXELS + 1] = (byte) labelOf.applyAsInt(i);
        }
        return px;
    }

    /** The first pixel of image {@code i} as a confidence in [0, 1]. */
    static double firstPixel(byte[] px, int i) {
        return (px[i * PIXELS] & 0xff) / 255.0;
    }
}
