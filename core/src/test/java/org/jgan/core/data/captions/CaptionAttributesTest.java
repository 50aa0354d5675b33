package org.jgan.core.data.captions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.junit.jupiter.api.Test;

/** Measures on hand-made images whose brightness, size and texture are known by construction. */
class CaptionAttributesTest {
    private static double[] measure(byte[] px) {
        return CaptionAttributes.measure(px, 0, px.length);
    }

    @Test
    void flatRectangleHasItsValueItsAreaAndNoSpread() {
        double[] m = measure(Garments.rect(14, 14, 200, 0));
        assertEquals(200, m[CaptionAttribute.BRIGHTNESS.ordinal()], 1e-9);
        assertEquals(196.0 / 784, m[CaptionAttribute.SIZE.ordinal()], 1e-9);
        assertEquals(0, m[CaptionAttribute.TEXTURE.ordinal()], 1e-9);
    }

    @Test
    void checkerboardSpreadIsItsAmplitude() {
        // 10 x 10 = 100 pixels, half at 100 and half at 200: mean 150, standard deviation 50.
        double[] m = measure(Garments.rect(10, 10, 150, 50));
        assertEquals(150, m[0], 1e-9);
        assertEquals(100.0 / 784, m[1], 1e-9);
        assertEquals(50, m[2], 1e-9);
    }

    @Test
    void pixelsAtTheThresholdAreBackground() {
        byte[] px = new byte[784];
        px[0] = (byte) CaptionAttributes.GARMENT_THRESHOLD;
        px[1] = (byte) (CaptionAttributes.GARMENT_THRESHOLD + 1);
        px[2] = (byte) 255;
        double[] m = measure(px);
        assertEquals((CaptionAttributes.GARMENT_THRESHOLD + 1 + 255) / 2.0, m[0], 1e-9);
        assertEquals(2.0 / 784, m[1], 1e-9);
    }

    @Test
    void imageWithoutGarmentMeasuresZeroAndIsLevelZero() {
        byte[] px = new byte[784];
        px[5] = 10; // a faint halo only
        assertArrayEquals(new double[]{0, 0, 0}, measure(px));
        ImageDataset ds = Garments.dataset(1, 30, 1);
        CaptionThresholds t = CaptionThresholds.fit(ds);
        assertArrayEquals(new int[]{0, 0, 0}, t.levels(0, measure(px)));
    }

    @Test
    void measuresTheRightImageOfADataSet() {
        ImageDataset ds = Garments.of(List.of(Garments.rect(4, 4, 50, 0), Garments.rect(20, 10, 240, 10)),
                new int[]{0, 0}, List.of("Bag"));
        double[][] m = CaptionAttributes.measureAll(ds);
        assertEquals(50, m[0][0], 1e-9);
        assertEquals(240, m[1][0], 1e-9);
        assertEquals(200.0 / 784, m[1][1], 1e-9);
        assertArrayEquals(m[1], CaptionAttributes.measure(ds, 1));
    }

    @Test
    void rgbImagesAreRefused() {
        ImageDataset rgb = new ImageDataset("colour", 3, 2, 2, new byte[12], null, List.of());
        DataException e = assertThrows(DataException.class, () -> CaptionAttributes.measureAll(rgb));
        assertTrue(e.getMessage().startsWith("colour: "), e.getMessage());
        assertTrue(e.getMessage().contains("3 channels"), e.getMessage());
    }
}
