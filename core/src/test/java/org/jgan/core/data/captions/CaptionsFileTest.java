package org.jgan.core.data.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jgan.core.data.DataException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** captions.txt lines land on the right images, and every kind of bad line is reported with file and line. */
class CaptionsFileTest {
    @TempDir
    Path tmp;

    /** A 2 x 2 gray PNG filled with {@code value}, so each image can be recognised after reading. */
    private static void png(Path file, int value) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                img.getRaster().setSample(x, y, 0, value);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private Path folder(String... names) throws IOException {
        Path dir = tmp.resolve("images");
        for (int i = 0; i < names.length; i++) {
            png(dir.resolve(names[i]), 10 * (i + 1));
        }
        return dir;
    }

    @Test
    void captionsFollowTheImageOrderOfTheReader() throws IOException {
        // Sorted by name: "B.png" < "a10.png" < "a9.png" < "b.png"; the file lists them in another order.
        String[] names = {"b.png", "a9.png", "B.png", "a10.png"};
        Path dir = folder(names);
        Files.writeString(dir.resolve("captions.txt"), "a10.png\tten\r\n\nB.png\t  capital B \nb.png\tsmall b\n"
                + "a9.png\tnine, with\ta tab\n");
        CaptionedImages ci = CaptionsFile.open(dir);
        ImageDataset ds = DataSources.open(dir.toString());
        assertEquals(List.of("B.png", "a10.png", "a9.png", "b.png"), CaptionsFile.imageNames(dir));
        assertEquals(List.of("capital B", "ten", "nine, with\ta tab", "small b"), ci.texts());
        // The image each caption landed on is the one its name holds: value 10 * (position in names + 1).
        List<String> order = List.of(names);
        for (int i = 0; i < ds.size(); i++) {
            int expected = 10 * (order.indexOf(CaptionsFile.imageNames(dir).get(i)) + 1);
            assertEquals(expected, ds.pixels()[i * 4] & 0xff, "image " + i);
            assertEquals(expected, ci.images().pixels()[i * 4] & 0xff, "image " + i);
        }
        assertNull(ci.levels());
        assertEquals(0, ci.captions().get(0).mentioned());
    }

    @Test
    void classSubFoldersAreNamedSubSlashFile() throws IOException {
        Path dir = folder("dogs/x.png", "cats/y.png", "cats/a.png");
        Files.writeString(dir.resolve("captions.txt"), "dogs/x.png\ta dog\ncats/y.png\tcat y\ncats/a.png\tcat a\n");
        CaptionedImages ci = CaptionsFile.open(dir);
        assertEquals(List.of("cats/a.png", "cats/y.png", "dogs/x.png"), CaptionsFile.imageNames(dir));
        assertEquals(List.of("cat a", "cat y", "a dog"), ci.texts());
        assertEquals(List.of("cats", "dogs"), ci.images().classNames());
        assertEquals(1, ci.images().labels()[2]);
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path dir = folder("a.png");
        DataException e = assertThrows(DataException.class, () -> CaptionsFile.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("captions.txt") + ": no such file"), e.getMessage());
    }

    @Test
    void eachBadLineIsReportedWithFileAndLine() throws IOException {
        Path dir = folder("a.png", "b.png");
        assertBad(dir, "a.png\tfine\nb.png caption without tab\n", "line 2: no tab");
        assertBad(dir, "a.png\tfine\n\nb.png\t   \n", "line 3: the caption of b.png is empty");
        assertBad(dir, "\tno name\n", "line 1: no file name");
        assertBad(dir, "a.png\tfine\nc.png\twhat image?\n", "line 2: c.png is not an image in " + dir);
        assertBad(dir, "a.png\tone\nb.png\ttwo\na.png\tthree\n", "line 3: a.png already has a caption on line 1");
        assertBad(dir, "a.png\tonly a\n", ": no caption for 1 of 2 images: b.png");
        assertBad(dir, "", ": no caption for 2 of 2 images: a.png, b.png");
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() throws IOException {
        Path dir = folder("a.png", "b.png");
        byte[] latin1 = "a.png\tfine\nb.png\tcaf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("captions.txt"), latin1);
        DataException e = assertThrows(DataException.class, () -> CaptionsFile.read(dir));
        assertEquals(f + " line 2: not valid UTF-8 text (captions.txt must be saved as UTF-8)", e.getMessage());
        Files.writeString(f, "\uFEFFa.png\tcaf\u00e9\nb.png\t\u00fcber\n");
        assertEquals(List.of("caf\u00e9", "\u00fcber"), CaptionsFile.read(dir), "UTF-8 with a byte-order mark");
    }

    private static void assertBad(Path dir, String text, String part) throws IOException {
        Path f = Files.writeString(dir.resolve("captions.txt"), text);
        DataException e = assertThrows(DataException.class, () -> CaptionsFile.read(dir));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
