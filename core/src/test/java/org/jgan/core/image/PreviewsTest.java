package org.jgan.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table and series pictures have the layout asked for and draw something. */
class PreviewsTest {
    @Test
    void aTableGrowsWithItsRowsAndColumns() {
        BufferedImage one = Previews.table(List.of("a", "b"), List.of(List.of("1", "x")));
        BufferedImage three = Previews.table(List.of("a", "b"), List.of(List.of("1", "x"), List.of("2", "y"),
                List.of("3", "a very long category name indeed")));
        assertTrue(three.getHeight() > one.getHeight());
        assertTrue(three.getWidth() > one.getWidth(), "the long cell widens its column (cut at 18 characters)");
        assertTrue(dark(one) > 0, "text was drawn");
    }

    @Test
    void seriesDrawOnePanelPerFeature() {
        float[] v = new float[2 * 10 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.3);
        }
        BufferedImage img = Previews.series(v, 2, 10, List.of("p", "q", "r", "s"), 6);
        assertEquals(3 * 260, img.getWidth());
        assertEquals(2 * 140, img.getHeight());
        assertNotEquals(0, dark(img));
    }

    static int dark(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
            }
        }
        return n;
    }
}
