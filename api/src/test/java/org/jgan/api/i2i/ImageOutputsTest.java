package org.jgan.api.i2i;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jgan.core.data.DataException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNGs by name, comparison grids of mixed sizes and channels, and IDX folders any jgan reader opens. */
class ImageOutputsTest {
    @TempDir
    Path tmp;

    @Test
    void writesPngsAComparisonAndIdx() throws IOException {
        ImageFiles.Decoded gray = QualityTest.images(3, 1, 4, 6, 0);
        for (int i = 0; i < gray.pixels().length; i++) {
            gray.pixels()[i] = (byte) (i % 251);
        }
        ImageOutputs.writePngs(gray, List.of("a", "b", "c"), tmp.resolve("png"));
        ImageFiles.Decoded back = ImageFiles.read(ImageFiles.list(tmp.resolve("png")), 0, 0);
        assertArrayEquals(gray.pixels(), back.pixels(), "a.png, b.png, c.png in order");

        ImageFiles.Decoded rgbBig = QualityTest.images(3, 3, 8, 12, 200);
        Path png = tmp.resolve("comparison.png");
        ImageOutputs.writeComparison(List.of(gray, rgbBig), 2, png);
        // 2 examples of 2 columns: one example per row, each cell 12 wide plus 2-pixel borders
        var grid = ImageIO.read(png.toFile());
        assertEquals(2 * 14 + 2, grid.getWidth());
        assertEquals(2 * 10 + 2, grid.getHeight());

        ImageOutputs.writeIdx(gray, new int[]{4, 0, 9}, tmp.resolve("idx"));
        ImageDataset d = DataSources.open(tmp.resolve("idx").toString());
        assertArrayEquals(gray.pixels(), d.pixels());
        assertArrayEquals(new int[]{4, 0, 9}, d.labels());
        DataException e = assertThrows(DataException.class, () -> ImageOutputs.writeIdx(rgbBig, null,
                tmp.resolve("rgb")));
        assertTrue(e.getMessage().contains("IDX holds grayscale images; these have 3 channels"), e.getMessage());
    }

    @Test
    void anOutputFolderNeverReplacesTheInputsOrSomeoneElsesFiles() throws IOException {
        Path in = java.nio.file.Files.createDirectories(tmp.resolve("in"));
        java.nio.file.Files.writeString(in.resolve("a.png"), "not really a png");
        ImageOutputs.checkFolder(tmp.resolve("new"), in.toString());  // a new folder
        ImageOutputs.checkFolder(java.nio.file.Files.createDirectories(tmp.resolve("empty")), in.toString());
        Path earlier = java.nio.file.Files.createDirectories(tmp.resolve("earlier"));
        java.nio.file.Files.writeString(earlier.resolve("figures.json"), "{}");
        java.nio.file.Files.writeString(earlier.resolve("a.png"), "an earlier output");
        ImageOutputs.checkFolder(earlier, in.toString());  // an earlier output is replaced

        assertRefused(in, in.toString(), "holds the inputs");
        assertRefused(in, in.resolve("a.png").toString(), "holds the inputs");  // a single input file's folder
        java.nio.file.Files.writeString(in.resolve("figures.json"), "{}");
        assertRefused(in, in.toString(), "holds the inputs");  // even when it looks like an earlier output
        Path notes = java.nio.file.Files.createDirectories(tmp.resolve("notes"));
        java.nio.file.Files.writeString(notes.resolve("figures.txt"), "mine");
        assertRefused(notes, "fashion-mnist:test", "holds other files and is not an earlier output");
        assertRefused(in.resolve("a.png"), "fashion-mnist:test", "is a file");
    }

    private static void assertRefused(Path out, String input, String why) {
        DataException e = assertThrows(DataException.class, () -> ImageOutputs.checkFolder(out, input));
        assertTrue(e.getMessage().startsWith(out + ": ") && e.getMessage().contains(why), e.getMessage());
    }
}
