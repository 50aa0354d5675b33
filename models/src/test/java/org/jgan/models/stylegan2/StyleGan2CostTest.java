package org.jgan.models.stylegan2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StyleGan2CostTest {
    /** 8x8, width 16 (16 channels at 4x4 and 8x8), w of 4, one image channel, counted by hand layer by layer. */
    @Test
    void countsEveryLayerOfATinyNetwork() {
        double mapping = 8 * 4 * 4;
        double g4 = (4 * 16 + 16 * 9 * 16 * 16) + (4 * 16 + 16 * 16);             // conv1, toRGB at 4x4
        double g8 = (4 * 16 + 16 * 9 * 256 + 64 * 16 * 16)                          // up: affine, transposed 3x3, FIR
                + (4 * 16 + 64 * 9 * 256) + (4 * 16 + 64 * 16) + 16 * 16;           // conv1, toRGB, image FIR up
        assertEquals(mapping + g4 + g8, StyleGan2Cost.generatorMacs(8, 16, 4, 1, 0), 0);
        assertEquals(239_552, StyleGan2Cost.generatorMacs(8, 16, 4, 1, 0), 0);
        assertEquals(239_552 + 128, StyleGan2Cost.generatorMacs(8, 16, 4, 1, 1), 0, "mixing maps a second latent");
        double d = 64 * 16                                                           // fromRGB 1x1
                + 64 * 9 * 256 + 81 * 16 * 16 + 16 * 9 * 256 + 16 * 16 * 16 + 16 * 256  // block at 8x8
                + 16 * 9 * 17 * 16 + 16 * 256 + 16;                                   // 4x4 conv, fc, out
        assertEquals(d, StyleGan2Cost.discriminatorMacs(8, 16, 1), 0);
        // batch 2, R1 every 16 steps: 2 FLOP x 2 images x (3 G + (8 + 6/16) D)
        assertEquals(4 * (3 * 239_552 + 8.375 * d), StyleGan2Cost.stepFlop(8, 16, 4, 1, 0, 16, 2), 1e-6);
    }

    @Test
    void costGrowsWithThePixelsAndTheBatch() {
        double at32 = StyleGan2Cost.stepFlop(32, 64, 128, 1, 0.9, 16, 32);
        double at64 = StyleGan2Cost.stepFlop(64, 64, 128, 1, 0.9, 16, 32);
        // channels halve above 16x16, so 4x the pixels cost less than 4x: between 1.5x and 4x
        assertTrue(at64 > 1.5 * at32 && at64 < 4 * at32, at32 + " " + at64);
        assertEquals(2 * at32, StyleGan2Cost.stepFlop(32, 64, 128, 1, 0.9, 16, 64), 1e-3);
    }
}
