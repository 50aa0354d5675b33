package org.jgan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link PairedFolders} reads the three pair layouts (A/ + B/ by file name, side-by-side A|B images,
 * unpaired trainA/ + trainB/) into data sets whose channels hold A then B pixel-exactly, resizes on request, and
 * rejects mismatched pairs, missing folders, odd widths and unreadable files with one line naming the input.
 */
class PairedFoldersTest {
    @TempDir
    Path tmp;

    /** A 6 x 4 gray image whose pixels are all {@code v}. */
    static BufferedImage flat(int v) {
        return flat(6, 4, v);
    }

    static BufferedImage flat(int w, int h, int v) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        return img;
    }

    static void png(BufferedImage img, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(img, "png", file.toFile()));
    }

    /** The value of the first pixel of channel {@code c} of image {@code i}. */
    static int pixel(ImageDataset d, int i, int c) {
        return d.pixels()[(i * d.channels() + c) * d.height() * d.width()] & 0xff;
    }

    @Test
    void pairedFoldersMatchByNameWhateverTheExtension() throws IOException {
        png(flat(10), tmp.resolve("A/x.png"));
        png(flat(20), tmp.resolve("A/y.png"));
        png(flat(110), tmp.resolve("B/x.png"));
        png(flat(120), tmp.resolve("B/y.PNG"));
        ImageDataset d = PairedFolders.open(tmp, "train", 0, 1);
        assertEquals(new Pairing(1, 1, true), d.pairing());
        assertEquals(2, d.size());
        assertEquals(2, d.channels());
        assertEquals(4, d.height());
        assertEquals(6, d.width());
        assertEquals(java.util.List.of(10, 110, 20, 120), java.util.List.of(pixel(d, 0, 0), pixel(d, 0, 1), pixel(d, 1, 0),
                pixel(d, 1, 1)));
    }

    @Test
    void pairedFoldersWithSplitsAndMixedChannels() throws IOException {
        png(flat(10), tmp.resolve("A/test/x.png"));
        png(flat(99), tmp.resolve("A/train/x.png"));
        BufferedImage rgb = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, (200 << 16) | (100 << 8) | 50);
        png(rgb, tmp.resolve("B/test/x.png"));
        png(rgb, tmp.resolve("B/train/x.png"));
        ImageDataset d = PairedFolders.open(tmp, "test", 0, 1);
        assertEquals(new Pairing(1, 3, true), d.pairing(), "gray A beside RGB B");
        assertEquals(4, d.channels());
        assertEquals(java.util.List.of(10, 200, 100, 50), java.util.List.of(pixel(d, 0, 0), pixel(d, 0, 1), pixel(d, 0, 2),
                pixel(d, 0, 3)));
    }

    @Test
    void mismatchedPairsAndMissingFoldersAreClearErrors() throws IOException {
        png(flat(10), tmp.resolve("A/x.png"));
        png(flat(20), tmp.resolve("A/lonely.png"));
        png(flat(110), tmp.resolve("B/x.png"));
        DataException e = assertThrows(DataException.class, () -> PairedFolders.open(tmp, "train", 0, 1));
        assertTrue(e.getMessage().contains("1 image(s) of " + tmp.resolve("A")), e.getMessage());
        assertTrue(e.getMessage().contains("lonely.png"), e.getMessage());

        Path onlyA = tmp.resolve("onlyA");
        png(flat(10), onlyA.resolve("A/x.png"));
        e = assertThrows(DataException.class, () -> PairedFolders.open(onlyA, "train", 0, 1));
        assertTrue(e.getMessage().contains(onlyA.resolve("B") + ": missing folder"), e.getMessage());

        Path unpaired = tmp.resolve("u");
        png(flat(10), unpaired.resolve("trainA/x.png"));
        e = assertThrows(DataException.class, () -> PairedFolders.open(unpaired, "train", 0, 1));
        assertTrue(e.getMessage().contains("missing folder trainB/"), e.getMessage());
        e = assertThrows(DataException.class, () -> PairedFolders.open(unpaired, "test", 0, 1));
        assertTrue(e.getMessage().contains("missing folder testA/"), e.getMessage());
    }

    @Test
    void unreadableImageAndSizeMismatchNameTheFile() throws IOException {
        png(flat(10), tmp.resolve("A/x.png"));
        png(flat(8, 8, 20), tmp.resolve("A/y.png"));
        png(flat(110), tmp.resolve("B/x.png"));
        png(flat(120), tmp.resolve("B/y.png"));
        DataException e = assertThrows(DataException.class, () -> PairedFolders.open(tmp, "train", 0, 1));
        assertTrue(e.getMessage().contains("y.png: image is 8x8") && e.getMessage().contains("i2i.loadSize"),
                e.getMessage());
        // with a load size every image is resized, so the odd one fits
        ImageDataset d = PairedFolders.open(tmp, "train", 5, 1);
        assertEquals(5, d.height());
        assertEquals(5, d.width());
        assertEquals(20, pixel(d, 1, 0), "a flat image stays flat when resized");

        Files.writeString(tmp.resolve("B/y.png"), "not a png");
        e = assertThrows(DataException.class, () -> PairedFolders.open(tmp, "train", 5, 1));
        assertTrue(e.getMessage().startsWith(tmp.resolve("B/y.png") + ": not a readable PNG or JPEG"),
                e.getMessage());
    }

    @Test
    void sideBySideImagesSplitIntoHalves() throws IOException {
        BufferedImage ab = new BufferedImage(8, 3, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 3; y++) {
                ab.getRaster().setSample(x, y, 0, x < 4 ? 30 : 230);
            }
        }
        png(ab, tmp.resolve("train/1.png"));
        png(flat(4, 3, 0), tmp.resolve("test/1.png"));
        ImageDataset d = PairedFolders.open(tmp, "train", 0, 1);
        assertEquals(PairedFolders.Layout.SIDE_BY_SIDE, PairedFolders.detect(tmp));
        assertEquals(new Pairing(1, 1, true), d.pairing());
        assertEquals(4, d.width());
        assertEquals(3, d.height());
        byte[] expect = new byte[24];
        Arrays.fill(expect, 0, 12, (byte) 30);
        Arrays.fill(expect, 12, 24, (byte) 230);
        assertArrayEquals(expect, d.pixels());

        png(flat(5, 3, 0), tmp.resolve("odd/1.png"));
        DataException e = assertThrows(DataException.class, () -> PairedFolders.open(tmp.resolve("odd"), "train", 0,
                1));
        assertTrue(e.getMessage().contains("needs an even width, got 5"), e.getMessage());
    }

    @Test
    void unpairedDomainsAreUsedWholeInMaxRows() throws IOException {
        for (int i = 0; i < 5; i++) {
            png(flat(10 + i), tmp.resolve("trainA/a" + i + ".png"));
        }
        for (int i = 0; i < 2; i++) {
            png(flat(200 + i), tmp.resolve("trainB/b" + i + ".png"));
        }
        ImageDataset d = PairedFolders.open(tmp, "train", 0, 7);
        assertEquals(new Pairing(1, 1, false), d.pairing());
        assertEquals(5, d.size(), "max(|A|, |B|) rows");
        Set<Integer> as = new HashSet<>();
        int[] bCounts = new int[2];
        for (int i = 0; i < 5; i++) {
            as.add(pixel(d, i, 0));
            bCounts[pixel(d, i, 1) - 200]++;
        }
        assertEquals(Set.of(10, 11, 12, 13, 14), as, "every A exactly once");
        assertTrue(bCounts[0] >= 2 && bCounts[1] >= 2, "B cycled through: " + Arrays.toString(bCounts));
        assertArrayEquals(d.pixels(), PairedFolders.open(tmp, "train", 0, 7).pixels(), "seeded");
        assertFalse(Arrays.equals(d.pixels(), PairedFolders.open(tmp, "train", 0, 8).pixels()));
    }

    @Test
    void pairedDataValidatesItsChannels() {
        DataException e = assertThrows(DataException.class, () -> new ImageDataset("x", 3, 1, 1, new byte[3], null,
                java.util.List.of(), new Pairing(1, 1, true)));
        assertTrue(e.getMessage().contains("pairs of 1 + 1 channels need 2 channels, got 3"), e.getMessage());
        assertThrows(DataException.class, () -> new Pairing(2, 1, true));
        ImageDataset d = new ImageDataset("x", 2, 1, 1, new byte[4], null, java.util.List.of(),
                new Pairing(1, 1, true));
        assertEquals(d.pairing(), d.head(1).pairing(), "head keeps the pairing");
        assertFalse(d.fingerprint().equals(new ImageDataset("x", 2, 1, 1, new byte[4], null, java.util.List.of(),
                new Pairing(1, 1, false)).fingerprint()), "the pairing is part of the fingerprint");
    }
}
