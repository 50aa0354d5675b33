package org.jgan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.metrics.eval.EvalRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Jgan#evaluateImages}: images made elsewhere, scored as a run's samples are, labels giving class accuracy and
 * within-class diversity.
 */
class EvaluateImagesTest {
    @TempDir
    static Path tmp;
    static ImageDataset test;

    @BeforeAll
    static void data() {
        System.setProperty("jgan.cache.dir", tmp.resolve("cache").toString());
        test = DataSources.open("fashion-mnist:test");
    }

    /** The first {@code n} test images from {@code from}, with their labels shifted by {@code shift} classes. */
    static Path folder(String name, int from, int n, int shift) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[]{n, 28, 28},
                Arrays.copyOfRange(test.pixels(), from * 784, (from + n) * 784));
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) ((test.labels()[from + i] + shift) % 10);
        }
        IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), new int[]{n}, labels);
        return dir;
    }

    @Test
    void labelledImagesGetTheirClassAccuracy() throws IOException {
        Path reference = folder("reference", 1000, 400, 0);
        Evaluation e = Evaluation.against(reference.toString()).samples(300).floor(false);
        EvalRecord right = Jgan.evaluateImages(folder("right", 0, 300, 0).toString(), e);
        EvalRecord wrong = Jgan.evaluateImages(folder("wrong", 0, 300, 1).toString(), e);
        assertTrue(right.classAccuracy() > 0.75, "real test images, true labels: " + right.classAccuracy());
        assertTrue(wrong.classAccuracy() < 0.25, "every label off by one: " + wrong.classAccuracy());
        assertEquals(right.fid(), wrong.fid(), 1e-12, "labels do not change the images' FID");
        assertEquals(300, right.metrics().samples());
        assertEquals(-1, right.step());
        double d = right.withinClassDiversity();
        assertTrue(d > 0.8 && d < 1.25, "real test images against other real test images: " + d);
        assertEquals(10, right.withinClass().scored());
        assertEquals(d, (double) right.toMap().get("within_class_diversity"), 0.0);
    }

    @Test
    void oneImagePerClassRepeatedHasNoWithinClassDiversity() throws IOException {
        // 300 images, labels i % 10, every image of class c the same test image of class c: collapse within classes
        // that class accuracy cannot see.
        int n = 300;
        int[] first = new int[10];
        for (int i = test.size() - 1; i >= 0; i--) {
            first[test.labels()[i]] = i;
        }
        byte[] px = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(test.pixels(), first[i % 10] * 784, px, i * 784, 784);
            labels[i] = (byte) (i % 10);
        }
        Path dir = Files.createDirectories(tmp.resolve("collapsed"));
        IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[]{n, 28, 28}, px);
        IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), new int[]{n}, labels);
        Path reference = folder("reference", 1000, 400, 0);
        EvalRecord r = Jgan.evaluateImages(dir.toString(), Evaluation.against(reference.toString()).floor(false));
        assertTrue(r.classAccuracy() > 0.5, "the copies are real images of their class: " + r.classAccuracy());
        // not exactly 0: one image's features vary in the last float bits with its place in the batch
        assertEquals(0.0, r.withinClassDiversity(), 1e-4);
        assertEquals(10, r.withinClass().scored());
        for (double ratio : r.withinClass().ratios()) {
            assertEquals(0.0, ratio, 1e-4);
        }
    }

    @Test
    void imagesWithoutLabelsOrWithoutAReference() throws IOException {
        Path lone = tmp.resolve("lone-images-idx3-ubyte");
        IdxWriter.write(lone, new int[]{200, 28, 28}, Arrays.copyOfRange(test.pixels(), 0, 200 * 784));
        EvalRecord r = Jgan.evaluateImages(lone.toString(), Evaluation.against(lone.toString()).floor(false));
        assertNull(r.classAccuracy());
        assertNull(r.withinClassDiversity());
        assertTrue(r.toMap().containsKey("within_class_diversity"), "every key is present, null where not measured");
        assertEquals(0, r.fid(), 1e-6, "images against themselves");
        // labelled images against an unlabelled reference: class accuracy, but no within-class diversity
        EvalRecord half = Jgan.evaluateImages(folder("labelled", 0, 200, 0).toString(),
                Evaluation.against(lone.toString()).floor(false));
        assertTrue(half.classAccuracy() > 0.75, "labels of the images alone: " + half.classAccuracy());
        assertNull(half.withinClass());
        ConfigException e = assertThrows(ConfigException.class,
                () -> Jgan.evaluateImages(lone.toString(), Evaluation.defaults()));
        assertTrue(e.getMessage().contains("reference"), e.getMessage());
    }
}
