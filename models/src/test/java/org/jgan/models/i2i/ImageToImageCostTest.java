package org.jgan.models.i2i;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The FLOP counts of the image-to-image steps against sums worked out by hand on tiny networks, and how they grow
 * with the image side. (jgan bench-i2i also checks them against PyTorch's layers at every size it measures.)
 */
class ImageToImageCostTest {
    @Test
    void unetOfTwoLevelsByHand() {
        // side 4, depth 2, widths 1 and 2: down0 4 px x 16 x 1x1 = 64, up0 (skip concat 2 -> 1) 4 x 16 x 2 = 128;
        // down1 1 px x 16 x 1x2 = 32, up1 (innermost, 2 -> 1) 1 x 16 x 2 = 32
        assertEquals(256, ImageToImageCost.unetMacs(4, 1, 1, 1), 0);
    }

    @Test
    void patchGanByHand() {
        // side 16, one stride-2 layer: 16 -> 8 (64 px x 16 x 2x4), 8 -> 7 (49 x 16 x 4x8), 7 -> 6 (36 x 16 x 8x1)
        assertEquals(64 * 16 * 2 * 4 + 49 * 16 * 4 * 8 + 36 * 16 * 8, ImageToImageCost.patchMacs(16, 2, 4, 1), 0);
    }

    @Test
    void resnetGeneratorByHand() {
        // side 4, width 1, one block: head 7x7 16 px x 49 = 784, down 4 px x 9 x 1x2 = 72, 1 px x 9 x 2x4 = 72,
        // block 2 x (1 px x 9 x 4x4) = 288, up (input pixels) 1 x 9 x 4x2 = 72, 4 x 9 x 2x1 = 72, tail 784
        assertEquals(2144, ImageToImageCost.resnetMacs(4, 1, 1, 1, 1), 0);
    }

    @Test
    void srResNetByHand() {
        // 8 pixels out of 2 (x4), width 2, one block: head 4 px x 81 x 1x2 = 648; block's two convs and mid 3 x 4 x 9 x
        // 2x2 = 432; sub-pixel convs at 2x2 and 4x4: (4 + 16) x 9 x 2x8 = 2880; tail 64 x 81 x 2x1 = 10368
        assertEquals(648 + 432 + 2880 + 10368, ImageToImageCost.srResNetMacs(8, 1, 2, 1, 4), 0);
    }

    @Test
    void srDiscriminatorByHand() {
        // side 4, width 1: sides 4, 2, 2, 1, 1, 1, 1, 1 and channels 1, 1, 2, 2, 4, 4, 8, 8 (3x3), then 8 -> 16 -> 1
        double convs = 16 * 9 + 4 * 9 + 4 * 9 * 2 + 9 * 2 * 2 + 9 * 2 * 4 + 9 * 4 * 4 + 9 * 4 * 8 + 9 * 8 * 8;
        assertEquals(convs + 8 * 16 + 16, ImageToImageCost.srDiscriminatorMacs(4, 1, 1), 0);
    }

    @Test
    void fullyConvolutionalNetworksGrowWithTheArea() {
        assertEquals(4 * ImageToImageCost.resnetMacs(32, 3, 3, 8, 2), ImageToImageCost.resnetMacs(64, 3, 3, 8, 2),
                1e-6);
        assertEquals(4 * ImageToImageCost.srResNetMacs(32, 3, 8, 2, 4), ImageToImageCost.srResNetMacs(64, 3, 8, 2, 4),
                1e-6);
    }

    @Test
    void aStepCountsItsPasses() {
        double g = ImageToImageCost.resnetMacs(32, 3, 3, 8, 2);
        double d = ImageToImageCost.patchMacs(32, 3, 8, PatchDiscriminator.layersFor(32));
        assertEquals(2.0 * 4 * (18 * g + 16 * d), ImageToImageCost.stepFlop("cyclegan", 32, 3, 8, 2, 4, 4), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> ImageToImageCost.stepFlop("dcgan", 32, 3, 8, 2, 4, 4));
    }
}
