package org.jgan.api.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageDataset;
import org.junit.jupiter.api.Test;

/** Class-balanced generation and mixing with real data, checked image by image. */
class SyntheticSetsTest {
    /** {@code n} real 1 x 2 x 2 images of classes a, b, c: pixel 0 is the index, 1 the class, 2 the real marker. */
    static ImageDataset real(int n) {
        byte[] px = new byte[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            px[i * 4] = (byte) i;
            px[i * 4 + 1] = (byte) labels[i];
            px[i * 4 + 2] = 1;
        }
        return new ImageDataset("real", 1, 2, 2, px, labels, List.of("a", "b", "c"));
    }

    @Test
    void generateIsClassByClassFromTheSeed() {
        ImageDataset s = SyntheticSets.generate(new FakeGenerator(), 3, 99);
        assertEquals(9, s.size());
        assertArrayEquals(new int[]{0, 0, 0, 1, 1, 1, 2, 2, 2}, s.labels());
        assertArrayEquals(new FakeGenerator().generate(9, 99, i -> i / 3), s.pixels());
        assertEquals("synthetic:fake", s.name());
        assertThrows(ConfigException.class, () -> SyntheticSets.generate(new FakeGenerator(), 0, 1));
    }

    @Test
    void mixKeepsEveryRealImageOnceAndAddsTheRatioEvenlyOverClasses() {
        ImageDataset real = real(6);
        ImageDataset synthetic = SyntheticSets.generate(new FakeGenerator(), 10, 5);
        ImageDataset mix = SyntheticSets.mix(real, synthetic, 0.5);
        assertEquals(9, mix.size(), "6 real + round(0.5 x 6) synthetic");
        int[] realSeen = new int[6];
        int[] synthPerClass = new int[3];
        for (int i = 0; i < mix.size(); i++) {
            assertEquals(mix.labels()[i], mix.pixels()[i * 4 + 1], "image " + i + " keeps its label");
            if (mix.pixels()[i * 4 + 2] == 1) {
                realSeen[mix.pixels()[i * 4]]++;
            } else {
                synthPerClass[mix.labels()[i]]++;
            }
        }
        assertArrayEquals(new int[]{1, 1, 1, 1, 1, 1}, realSeen);
        assertArrayEquals(new int[]{1, 1, 1}, synthPerClass);
        assertTrue(mix.pixels()[2] != 1 || mix.pixels()[6] != 1 || mix.pixels()[10] != 1
                || mix.pixels()[14] != 1 || mix.pixels()[18] != 1 || mix.pixels()[22] != 1, "shuffled together");
    }

    @Test
    void mixRefusesOtherClassesOrShapes() {
        ImageDataset synthetic = SyntheticSets.generate(new FakeGenerator(), 2, 5);
        ImageDataset other = new ImageDataset("other", 1, 2, 2, new byte[8], new int[]{0, 1}, List.of("x", "y"));
        ConfigException e = assertThrows(ConfigException.class, () -> SyntheticSets.mix(other, synthetic, 1));
        assertTrue(e.getMessage().contains("other") && e.getMessage().contains("[x, y]"), e.getMessage());
        ImageDataset big = new ImageDataset("big", 1, 3, 3, new byte[9], new int[]{0}, List.of("a", "b", "c"));
        e = assertThrows(ConfigException.class, () -> SyntheticSets.mix(big, synthetic, 1));
        assertTrue(e.getMessage().contains("1x3x3") && e.getMessage().contains("1x2x2"), e.getMessage());
        assertThrows(ConfigException.class, () -> SyntheticSets.mix(real(3), synthetic, 0));
    }
}
