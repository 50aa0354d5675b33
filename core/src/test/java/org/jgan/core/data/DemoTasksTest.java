package org.jgan.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the Fashion-MNIST demo tasks: the Sobel edge map marks a shape's outline (black on white) and nothing else,
 * edges2garment pairs each edge map with its image, sneaker2boot holds sneakers beside ankle boots, and an unknown
 * task name is a clear error.
 */
class DemoTasksTest {
    @Test
    void edgesOutlineABrightSquare() {
        int n = 10;
        byte[] img = new byte[n * n];
        for (int y = 3; y < 7; y++) {
            for (int x = 3; x < 7; x++) {
                img[y * n + x] = (byte) 200;
            }
        }
        byte[] e = DemoTasks.edges(img, 0, n, n);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                boolean nearBorder = x >= 2 && x <= 7 && y >= 2 && y <= 7 && !(x >= 4 && x <= 5 && y >= 4 && y <= 5);
                int v = e[y * n + x] & 0xff;
                if (!nearBorder) {
                    assertEquals(255, v, "no edge at (" + x + ", " + y + ")");
                }
            }
        }
        assertEquals(0, e[3 * n + 3] & 0xff, "the square's corner is an edge");
        assertEquals(0, e[5 * n + 2] & 0xff, "just left of the square is an edge");
        assertEquals(0, e[2 * n + 5] & 0xff, "just above the square is an edge");
        byte[] flat = DemoTasks.edges(new byte[n * n], 0, n, n);
        for (byte b : flat) {
            assertEquals(255, b & 0xff, "a flat image has no edges");
        }
    }

    @Test
    void edgesToGarmentPairsEachImageWithItsEdges() {
        ImageDataset shapes = SyntheticData.shapes(6, 14, 3);
        ImageDataset d = DemoTasks.edgesToGarment(shapes, "x");
        assertEquals(new Pairing(1, 1, true), d.pairing());
        assertEquals(6, d.size());
        assertEquals(java.util.Arrays.toString(shapes.labels()), java.util.Arrays.toString(d.labels()),
                "the garments' labels come along");
        int per = 14 * 14;
        for (int i = 0; i < 6; i++) {
            byte[] edge = java.util.Arrays.copyOfRange(d.pixels(), 2 * i * per, 2 * i * per + per);
            byte[] img = java.util.Arrays.copyOfRange(d.pixels(), 2 * i * per + per, 2 * i * per + 2 * per);
            assertEquals(java.util.Arrays.toString(DemoTasks.edges(shapes.pixels(), i * per, 14, 14)),
                    java.util.Arrays.toString(edge));
            assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOfRange(shapes.pixels(), i * per,
                    i * per + per)), java.util.Arrays.toString(img));
        }
    }

    @Test
    void unknownDemoIsAClearError() {
        DataException e = assertThrows(DataException.class, () -> DemoTasks.open("demo:horse2zebra", 1));
        assertTrue(e.getMessage().contains("unknown demo task 'horse2zebra'; choose one of edges2garment, "
                + "sneaker2boot"), e.getMessage());
    }

    @Test
    void sneakerToBootOnFashionMnist() {
        assumeTrue(Files.isDirectory(DataSources.fashionMnistDir()), "Fashion-MNIST is not installed");
        ImageDataset d = DemoTasks.open("demo:sneaker2boot:test", 3);
        assertEquals(new Pairing(1, 1, false), d.pairing());
        assertEquals(1000, d.size(), "1000 sneakers and 1000 ankle boots in the test split");
        ImageDataset fm = DataSources.open("fashion-mnist:test");
        // every A row is one of the test sneakers
        java.util.Set<String> sneakers = new java.util.HashSet<>();
        for (int i = 0; i < fm.size(); i++) {
            if (fm.labels()[i] == 7) {
                sneakers.add(java.util.Arrays.toString(java.util.Arrays.copyOfRange(fm.pixels(), i * 784,
                        i * 784 + 784)));
            }
        }
        for (int i = 0; i < 20; i++) {
            assertTrue(sneakers.contains(java.util.Arrays.toString(java.util.Arrays.copyOfRange(d.pixels(),
                    i * 1568, i * 1568 + 784))));
        }
        assertEquals(List.of(), d.classNames());
    }
}
