package org.jgan.api.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.metrics.npz.NpyArray;
import org.jgan.metrics.npz.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every export format reads back to the same images and labels. */
class ExportFormatTest {
    @TempDir
    Path tmp;

    /** Two RGB 2 x 3 images whose bytes are all different (and some above 127). */
    static ImageDataset rgb() {
        byte[] px = new byte[2 * 3 * 2 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 7 + 100);
        }
        return new ImageDataset("rgb", 3, 2, 3, px, new int[]{1, 0}, List.of("t-shirt/top", "bag"));
    }

    @Test
    void npyIsChannelsLastUint8AndInt64Labels() throws Exception {
        ImageDataset d = rgb();
        ExportFormat.NPY.write(d, tmp);
        NpyArray img = Npy.read(tmp.resolve("images.npy"));
        assertArrayEquals(new long[]{2, 2, 3, 3}, img.shape());
        for (int n = 0; n < 2; n++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    for (int c = 0; c < 3; c++) {
                        double want = d.pixels()[n * 18 + c * 6 + y * 3 + x] & 0xff;
                        assertEquals(want, img.data()[((n * 2 + y) * 3 + x) * 3 + c], n + "," + y + "," + x + "," + c);
                    }
                }
            }
        }
        NpyArray labels = Npy.read(tmp.resolve("labels.npy"));
        assertArrayEquals(new long[]{2}, labels.shape());
        assertArrayEquals(new double[]{1, 0}, labels.data());
    }

    @Test
    void idxReadsBackAsTheSameDataSet() throws Exception {
        ImageDataset d = SyntheticData.shapes(9, 8, 3);
        ExportFormat.IDX.write(d, tmp.resolve("idx"));
        ImageDataset back = DataSources.open(tmp.resolve("idx").toString());
        assertArrayEquals(d.pixels(), back.pixels());
        assertArrayEquals(d.labels(), back.labels());
    }

    @Test
    void idxRefusesRgbNamingTheSet() {
        ConfigException e = assertThrows(ConfigException.class, () -> ExportFormat.IDX.write(rgb(), tmp));
        assertTrue(e.getMessage().startsWith("rgb: IDX files hold grayscale images"), e.getMessage());
        assertFalse(e.getMessage().contains("--"), e.getMessage());
    }

    @Test
    void foldersAreNamedAfterTheClasses() throws Exception {
        ExportFormat.FOLDERS.write(rgb(), tmp);
        assertTrue(Files.exists(tmp.resolve("bag/000000.png")), "image 0 is of class 1, bag");
        assertTrue(Files.exists(tmp.resolve("t-shirt_top/000001.png")), "image 1 is of class 0, t-shirt/top");
        ImageDataset back = DataSources.open(tmp.toString());
        assertEquals(2, back.size());
        assertEquals(3, back.channels());
    }
}
