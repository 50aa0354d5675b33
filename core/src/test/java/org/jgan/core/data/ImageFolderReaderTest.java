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
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link ImageFolderReader} reads PNG and JPEG folders pixel-exactly (PNG) in name order, takes labels from
 * class sub-folders, detects grayscale vs RGB, and names the offending file when sizes differ or a file is unreadable.
 */
class ImageFolderReaderTest {
    static final int W = 5;
    static final int H = 7;

    @TempDir
    Path tmp;

    /** A W x H gray image whose pixel (x, y) is base + 3x + 20y. */
    static BufferedImage gray(int base) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img.getRaster().setSample(x, y, 0, base + 3 * x + 20 * y);
            }
        }
        return img;
    }

    static byte[] grayBytes(int base) {
        byte[] b = new byte[H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                b[y * W + x] = (byte) (base + 3 * x + 20 * y);
            }
        }
        return b;
    }

    static BufferedImage rgb(int w, int h, int r, int g, int b) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    static Path write(BufferedImage img, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String format = file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? "png" : "jpg";
        assertTrue(ImageIO.write(img, format, file.toFile()), "no " + format + " writer");
        return file;
    }

    static void assertFailsNaming(Path dir, Path file, String problem) {
        DataException e = assertThrows(DataException.class, () -> ImageFolderReader.read(dir));
        assertTrue(e.getMessage().startsWith(file.toString()), "message does not name " + file + ": "
                + e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void flatFolderOfGrayPngsInNameOrder() throws IOException {
        write(gray(30), tmp.resolve("b.png"));
        write(gray(10), tmp.resolve("a.png"));
        write(gray(50), tmp.resolve("c.PNG"));
        Files.writeString(tmp.resolve("notes.txt"), "not an image");
        ImageDataset d = ImageFolderReader.read(tmp);
        assertEquals(3, d.size());
        assertEquals(1, d.channels());
        assertEquals(H, d.height());
        assertEquals(W, d.width());
        assertFalse(d.labelled());
        byte[] expected = new byte[3 * H * W];
        System.arraycopy(grayBytes(10), 0, expected, 0, H * W);
        System.arraycopy(grayBytes(30), 0, expected, H * W, H * W);
        System.arraycopy(grayBytes(50), 0, expected, 2 * H * W, H * W);
        assertArrayEquals(expected, d.pixels());
    }

    @Test
    void classSubFoldersGiveLabels() throws IOException {
        write(gray(1), tmp.resolve("dog/1.png"));
        write(gray(2), tmp.resolve("cat/2.png"));
        write(gray(3), tmp.resolve("cat/1.jpg"));
        Files.createDirectories(tmp.resolve("empty"));
        ImageDataset d = ImageFolderReader.read(tmp);
        assertEquals(List.of("cat", "dog"), d.classNames());
        assertArrayEquals(new int[]{0, 0, 1}, d.labels());
        // cat/1.jpg, cat/2.png, dog/1.png: the PNGs sit at indices 1 and 2, exactly.
        assertArrayEquals(grayBytes(2), Arrays.copyOfRange(d.pixels(), H * W, 2 * H * W));
        assertArrayEquals(grayBytes(1), Arrays.copyOfRange(d.pixels(), 2 * H * W, 3 * H * W));
    }

    @Test
    void mixedSizesNameTheFile() throws IOException {
        write(gray(0), tmp.resolve("a.png"));
        Path odd = write(rgb(W + 1, H, 1, 2, 3), tmp.resolve("b.png"));
        assertFailsNaming(tmp, odd, "image is 6x7 but a.png is 5x7");
    }

    @Test
    void unreadablePngNamesTheFile() throws IOException {
        write(gray(0), tmp.resolve("a.png"));
        Path garbage = Files.writeString(tmp.resolve("b.png"), "this is not a PNG");
        assertFailsNaming(tmp, garbage, "not a readable PNG or JPEG image");
        Files.delete(garbage);
        byte[] png = Files.readAllBytes(tmp.resolve("a.png"));
        Path truncated = Files.write(tmp.resolve("c.png"), Arrays.copyOf(png, 40));
        assertFailsNaming(tmp, truncated, "cannot read image");
    }

    @Test
    void emptyFolder() {
        DataException e = assertThrows(DataException.class, () -> ImageFolderReader.read(tmp));
        assertTrue(e.getMessage().contains("no PNG or JPEG images found"), e.getMessage());
    }

    @Test
    void oneColourImageMakesTheDataSetRgb() throws IOException {
        write(gray(40), tmp.resolve("a.png"));
        write(rgb(W, H, 200, 100, 7), tmp.resolve("b.png"));
        ImageDataset d = ImageFolderReader.read(tmp);
        assertEquals(3, d.channels());
        int plane = H * W;
        // The gray image is repeated in all three channels.
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(grayBytes(40), Arrays.copyOfRange(d.pixels(), c * plane, (c + 1) * plane));
        }
        int off = 3 * plane;
        assertEquals(200, d.pixels()[off] & 0xff);
        assertEquals(100, d.pixels()[off + plane] & 0xff);
        assertEquals(7, d.pixels()[off + 2 * plane + plane - 1] & 0xff);
    }

    @Test
    void jpegsAreDetectedAsGrayOrRgb() throws IOException {
        Path grayDir = tmp.resolve("g");
        write(gray(60), grayDir.resolve("a.jpg"));
        write(gray(80), grayDir.resolve("b.jpeg"));
        ImageDataset g = ImageFolderReader.read(grayDir);
        assertEquals(1, g.channels());
        assertEquals(2, g.size());
        Path rgbDir = tmp.resolve("c");
        write(rgb(8, 8, 250, 10, 120), rgbDir.resolve("a.jpg"));
        ImageDataset c = ImageFolderReader.read(rgbDir);
        assertEquals(3, c.channels());
        // JPEG is lossy; a flat colour comes back within a few levels.
        assertEquals(250, c.pixels()[0] & 0xff, 4);
        assertEquals(10, c.pixels()[64] & 0xff, 4);
        assertEquals(120, c.pixels()[128] & 0xff, 4);
    }

    @Test
    void sixteenBitGrayIsScaledToBytes() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(0, 0, 0, 65535);
        img.getRaster().setSample(1, 0, 0, 0x8000);
        write(img, tmp.resolve("deep.png"));
        ImageDataset d = ImageFolderReader.read(tmp);
        assertEquals(1, d.channels());
        assertArrayEquals(new byte[]{(byte) 255, (byte) 128}, d.pixels());
    }
}
