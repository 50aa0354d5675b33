package org.jgan.api.i2i;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageFiles;
import org.jgan.models.srgan.Resampling;
import org.junit.jupiter.api.Test;

/**
 * Quality figures against hand-computed values, across more images than one chunk; the network runner's byte round
 * trip; and the degradation of the super-resolution protocol (crop to multiples of the scale, then block averages).
 */
class QualityTest {
    static ImageFiles.Decoded images(int n, int c, int h, int w, int value) {
        byte[] px = new byte[n * c * h * w];
        Arrays.fill(px, (byte) value);
        return new ImageFiles.Decoded(Collections.nCopies(n, null), c, h, w, px);
    }

    @Test
    void figuresMatchHandComputedValues() {
        Quality same = Quality.of(images(2, 1, 12, 12, 77), images(2, 1, 12, 12, 77));
        assertEquals(0, same.l1());
        assertEquals(Double.POSITIVE_INFINITY, same.psnr());
        assertEquals(1, same.ssim(), 1e-6);
        Quality opposite = Quality.of(images(2, 3, 12, 12, 0), images(2, 3, 12, 12, 255));
        assertEquals(1, opposite.l1(), 1e-6);
        assertEquals(0, opposite.psnr(), 1e-5, "MSE 1 on the [0, 1] scale");
        // half of each image white against black: L1 0.5, MSE 0.5, PSNR 10 log10(2)
        ImageFiles.Decoded half = images(2, 1, 12, 12, 0);
        for (int i = 0; i < half.pixels().length; i += 2) {
            half.pixels()[i] = (byte) 255;
        }
        Quality q = Quality.of(half, images(2, 1, 12, 12, 0));
        assertEquals(0.5, q.l1(), 1e-6);
        assertEquals(10 * Math.log10(2), q.psnr(), 1e-5);
        assertTrue(q.summary().startsWith("L1 0.5000  PSNR 3.01 dB  SSIM "), q.summary());
    }

    @Test
    void everyChunkCounts() {
        int n = ImageBatches.CHUNK + 44;
        ImageFiles.Decoded a = images(n, 1, 4, 4, 0);
        ImageFiles.Decoded b = images(n, 1, 4, 4, 0);
        Arrays.fill(b.pixels(), (n - 1) * 16, n * 16, (byte) 255);
        assertEquals(1.0 / n, Quality.of(a, b).l1(), 1e-9, "only the last image, in the second chunk, differs");
    }

    @Test
    void imagesOfAnotherShapeAreRefused() {
        DataException e = assertThrows(DataException.class, () -> Quality.of(images(2, 1, 8, 8, 0),
                images(3, 1, 8, 8, 0)));
        assertTrue(e.getMessage().contains("cannot compare 2 images of 1x8x8 with targets of 3 images"),
                e.getMessage());
    }

    @Test
    void theRunnerMapsEveryImageAndRoundTripsBytes() {
        int n = ImageBatches.CHUNK + 3;
        ImageFiles.Decoded in = images(n, 1, 2, 2, 0);
        for (int i = 0; i < in.pixels().length; i++) {
            in.pixels()[i] = (byte) (i * 7);
        }
        assertArrayEquals(in.pixels(), ImageBatches.map(in, x -> x).pixels());
        byte[] negated = ImageBatches.map(in, x -> x.neg()).pixels();
        for (int i = 0; i < negated.length; i++) {
            assertEquals(255 - (in.pixels()[i] & 0xff), negated[i] & 0xff, "pixel " + i);
        }
        ImageFiles.Decoded up = ImageBatches.map(in, x -> Resampling.bicubic(x, 2));
        assertEquals(n, up.size());
        assertEquals(4, up.height());
        assertEquals(n * 16, up.pixels().length);
    }

    @Test
    void degradingCropsToMultiplesOfTheScaleThenAveragesBlocks() {
        ImageFiles.Decoded d = images(1, 1, 5, 7, 0);
        for (int i = 0; i < 35; i++) {
            d.pixels()[i] = (byte) i;
        }
        ImageFiles.Decoded c = Degrade.crop(d, 2);
        assertEquals(4, c.height());
        assertEquals(6, c.width());
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                assertEquals(y * 7 + x, c.pixels()[y * 6 + x], "top-left part kept at " + y + "," + x);
            }
        }
        assertEquals(c, Degrade.crop(c, 2), "already multiples: unchanged");
        // blocks {0, 1, 7, 8} average to 4, {2, 3, 9, 10} to 6, ...
        ImageFiles.Decoded lr = Degrade.downscale(d, 2);
        assertEquals(2, lr.height());
        assertEquals(3, lr.width());
        assertArrayEquals(new byte[]{4, 6, 8, 18, 20, 22}, lr.pixels());
        DataException e = assertThrows(DataException.class, () -> Degrade.crop(images(1, 1, 3, 3, 0), 4));
        assertTrue(e.getMessage().contains("images of 3x3 are smaller than the scale 4"), e.getMessage());
    }
}
