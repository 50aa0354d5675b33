package org.jgan.core.data.captions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-class tertiles: even thirds within each class, cut where each class's own values lie, and saved as JSON. */
class CaptionThresholdsTest {
    @TempDir
    Path tmp;

    @Test
    void everyLevelHoldsAboutAThirdOfEveryClass() {
        ImageDataset ds = Garments.dataset(3, 300, 7);
        int[][] levels = CaptionThresholds.fit(ds).levelsOf(ds);
        int[][][] count = new int[3][3][3];
        for (int i = 0; i < ds.size(); i++) {
            for (int a = 0; a < 3; a++) {
                count[ds.labels()[i]][a][levels[i][a]]++;
            }
        }
        for (int c = 0; c < 3; c++) {
            for (int a = 0; a < 3; a++) {
                for (int l = 0; l < 3; l++) {
                    int n = count[c][a][l];
                    // Sizes tie (rectangle areas are whole pixel counts), so allow a margin around 100.
                    assertTrue(n >= 75 && n <= 126, "class " + c + " " + CaptionAttribute.values()[a] + " level " + l
                            + ": " + n + " of 300");
                }
            }
        }
    }

    @Test
    void cutsArePerClass() {
        // Class 0 ranges over brightness 50..100, class 1 over 150..250: 90 is light for class 0, dark for class 1.
        List<byte[]> imgs = new java.util.ArrayList<>();
        int[] labels = new int[12];
        for (int i = 0; i < 6; i++) {
            imgs.add(Garments.rect(10, 10, 50 + 10 * i, 0));
            labels[i] = 0;
        }
        for (int i = 0; i < 6; i++) {
            imgs.add(Garments.rect(10, 10, 150 + 20 * i, 0));
            labels[6 + i] = 1;
        }
        CaptionThresholds t = CaptionThresholds.fit(Garments.of(imgs, labels, List.of("Bag", "Coat")));
        double[] m = CaptionAttributes.measure(Garments.rect(10, 10, 90, 0), 0, 784);
        assertEquals(2, t.levels(0, m)[0]);
        assertEquals(0, t.levels(1, m)[0]);
        // Six values 50..100: cuts at the 3rd and 5th smallest, so two per level.
        assertEquals(70, t.lower(0, CaptionAttribute.BRIGHTNESS), 1e-9);
        assertEquals(90, t.upper(0, CaptionAttribute.BRIGHTNESS), 1e-9);
        assertEquals(6, t.images(1));
    }

    @Test
    void jsonRoundTripKeepsCutsAndLevels() throws IOException {
        ImageDataset ds = Garments.dataset(2, 60, 3);
        CaptionThresholds t = CaptionThresholds.fit(ds);
        Path f = tmp.resolve("sub/thresholds.json");
        t.save(f);
        CaptionThresholds back = CaptionThresholds.load(f);
        assertEquals(t.classNames(), back.classNames());
        for (int c = 0; c < 2; c++) {
            assertEquals(60, back.images(c));
            for (CaptionAttribute a : CaptionAttribute.values()) {
                assertEquals(t.lower(c, a), back.lower(c, a), 0);
                assertEquals(t.upper(c, a), back.upper(c, a), 0);
            }
        }
        assertArrayEquals(t.levelsOf(ds), back.levelsOf(ds));
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(List.of(f), s.toList(), "no temporary file is left beside the saved one");
        }
    }

    @Test
    void badFilesAreNamedWithTheProblem() throws IOException {
        Path missing = tmp.resolve("none.json");
        assertMessage(missing, "no such caption thresholds file");
        assertMessage(write("broken.json", "{\"format\": "), "not valid JSON");
        assertMessage(write("other.json", "{\"format\": \"something\", \"version\": 1}"), "not a caption thresholds");
        assertMessage(write("future.json", "{\"format\": \"jgan-caption-thresholds\", \"version\": 99}"), "version 99");
        String head = "{\"format\": \"jgan-caption-thresholds\", \"version\": 1, \"garmentThreshold\": 16, ";
        assertMessage(write("noclass.json", head + "\"classes\": []}"), "non-empty list");
        assertMessage(write("noattr.json", head + "\"classes\": [{\"name\": \"Bag\", \"images\": 3, "
                + "\"brightness\": [1, 2], \"size\": [0.1, 0.2]}]}"), "needs \"texture\"");
        assertMessage(write("order.json", head + "\"classes\": [{\"name\": \"Bag\", \"images\": 3, "
                + "\"brightness\": [3, 2], \"size\": [0.1, 0.2], \"texture\": [1, 2]}]}"), "lower first");
        assertMessage(write("garment.json", head.replace("16", "40") + "\"classes\": []}"), "garment threshold 40");
    }

    @Test
    void refusesTooFewImagesAndOtherClasses() {
        ImageDataset few = Garments.of(List.of(Garments.rect(3, 3, 90, 0), Garments.rect(4, 4, 90, 0)),
                new int[]{0, 0}, List.of("Bag"));
        DataException e = assertThrows(DataException.class, () -> CaptionThresholds.fit(few));
        assertTrue(e.getMessage().contains("class Bag has 2 images"), e.getMessage());
        CaptionThresholds t = CaptionThresholds.fit(Garments.dataset(2, 9, 1));
        ImageDataset other = Garments.dataset(3, 9, 1);
        e = assertThrows(DataException.class, () -> t.levelsOf(other));
        assertTrue(e.getMessage().contains("were fit on"), e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static void assertMessage(Path file, String part) {
        DataException e = assertThrows(DataException.class, () -> CaptionThresholds.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
