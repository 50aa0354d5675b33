package org.jgan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link DataSources#open} turns every kind of --data spec into the right data set: a folder of the four
 * MNIST-named IDX files (both splits, plain or .gz), a single IDX file, and the installed Fashion-MNIST with its class
 * names; and that mismatched or missing inputs fail with a message naming the input.
 */
class DataSourcesTest {
    @TempDir
    Path tmp;

    static byte[] pixels(int n, int h, int w, int salt) {
        byte[] p = new byte[n * h * w];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (i * 7 + salt);
        }
        return p;
    }

    static byte[] labels(int... l) {
        byte[] b = new byte[l.length];
        for (int i = 0; i < l.length; i++) {
            b[i] = (byte) l[i];
        }
        return b;
    }

    /** A folder as MNIST ships it: 5 train and 3 test images of 4x6 (the test pair gzipped). */
    Path mnistFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mnist"));
        IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[]{5, 4, 6}, pixels(5, 4, 6, 1));
        IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), new int[]{5}, labels(0, 1, 2, 1, 0));
        Path raw = tmp.resolve("raw");
        IdxWriter.write(raw, new int[]{3, 4, 6}, pixels(3, 4, 6, 2));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxReaderTest.gzip(Files.readAllBytes(raw)));
        IdxWriter.write(raw, new int[]{3}, labels(3, 0, 3));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxReaderTest.gzip(Files.readAllBytes(raw)));
        Files.delete(raw);
        return dir;
    }

    @Test
    void folderOfIdxFilesGivesBothSplits() throws IOException {
        Path dir = mnistFolder();
        for (String spec : new String[]{dir.toString(), dir + ":train"}) {
            ImageDataset train = DataSources.open(spec);
            assertEquals(5, train.size());
            assertEquals(1, train.channels());
            assertEquals(4, train.height());
            assertEquals(6, train.width());
            assertArrayEquals(new int[]{0, 1, 2, 1, 0}, train.labels());
            assertEquals(List.of("0", "1", "2"), train.classNames());
            assertArrayEquals(pixels(5, 4, 6, 1), train.pixels());
        }
        ImageDataset test = DataSources.open(dir + ":test");
        assertEquals(3, test.size());
        assertArrayEquals(new int[]{3, 0, 3}, test.labels());
        assertEquals(4, test.numClasses());
        assertArrayEquals(pixels(3, 4, 6, 2), test.pixels());
        assertTrue(test.name().endsWith(":test"), test.name());
    }

    @Test
    void imagesWithoutLabelsAreUnlabelled() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("nolabels"));
        IdxWriter.write(dir.resolve("train-images.idx3-ubyte"), new int[]{2, 4, 4}, pixels(2, 4, 4, 0));
        ImageDataset d = DataSources.open(dir.toString());
        assertEquals(2, d.size());
        assertFalse(d.labelled());
        assertNull(d.labels());
    }

    @Test
    void singleIdxFileIsUnlabelledImages() throws IOException {
        Path f = tmp.resolve("fake-images-idx3-ubyte");
        IdxWriter.write(f, new int[]{7, 28, 28}, pixels(7, 28, 28, 3));
        ImageDataset d = DataSources.open(f.toString());
        assertEquals(7, d.size());
        assertEquals(28, d.height());
        assertFalse(d.labelled());
    }

    @Test
    void imageAndLabelCountMismatch() throws IOException {
        Path dir = mnistFolder();
        Path lab = dir.resolve("train-labels-idx1-ubyte");
        IdxWriter.write(lab, new int[]{4}, labels(0, 1, 2, 1));
        DataException e = assertThrows(DataException.class, () -> DataSources.open(dir.toString()));
        assertTrue(e.getMessage().contains(lab.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("4 labels but train-images-idx3-ubyte has 5 images"), e.getMessage());
    }

    @Test
    void unknownPath() {
        String spec = tmp.resolve("no-such-data").toString();
        DataException e = assertThrows(DataException.class, () -> DataSources.open(spec));
        assertTrue(e.getMessage().startsWith(spec + ": no such file or folder"), e.getMessage());
        assertThrows(DataException.class, () -> DataSources.open(" "));
    }

    @Test
    void missingSplitNamesTheMissingFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("trainonly"));
        IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[]{2, 4, 4}, pixels(2, 4, 4, 0));
        DataException e = assertThrows(DataException.class, () -> DataSources.open(dir + ":test"));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte"), e.getMessage());
    }

    /** An IDX folder of {@code labels.length} 4x6 images with these labels. */
    Path labelled(String name, int... labels) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[]{labels.length, 4, 6},
                pixels(labels.length, 4, 6, 3));
        IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), new int[]{labels.length}, labels(labels));
        return dir;
    }

    @Test
    void aLabelFarBeyondTheOthersNamesTheFileAndTheFirstBadIndex() throws IOException {
        // One corrupt byte among the labels 0..9 made a 201-class conditional model without a word.
        Path dir = labelled("corrupt", 0, 1, 2, 3, 4, 200, 5, 6, 7, 8, 9, 200);
        DataException e = assertThrows(DataException.class, () -> DataSources.open(dir.toString()));
        assertTrue(e.getMessage().startsWith(dir.resolve("train-labels-idx1-ubyte") + ": label 200 at index 5 is far "
                + "beyond the others (the largest below it is 9, 190 values unused in between)"), e.getMessage());
        assertTrue(e.getMessage().contains("would make a 201-class model"), e.getMessage());
        Path high = labelled("high", 7, 200, 201);
        assertTrue(assertThrows(DataException.class, () -> DataSources.open(high.toString())).getMessage()
                .contains("label 7 at index 0 is far beyond 0 (no smaller label, 7 values unused in between)"));
    }

    @Test
    void smallGapsInTheLabelsAreClassesWithoutImages() throws IOException {
        // counted from 1, a class missing in the middle, and the larger gap a subset of many classes may leave
        assertEquals(4, DataSources.open(labelled("from1", 1, 2, 3, 1).toString()).numClasses());
        assertEquals(6, DataSources.open(labelled("hole", 0, 1, 2, 5).toString()).numClasses());
        assertEquals(18, DataSources.open(labelled("subset", 0, 1, 2, 3, 4, 5, 6, 7, 8, 17).toString())
                .numClasses());
    }

    @Test
    void labelsOutsideTheDeclaredClassesNameTheFirstBadIndex() {
        DataException e = assertThrows(DataException.class, () -> new ImageDataset("shapes", 1, 4, 6,
                pixels(4, 4, 6, 0), new int[]{0, 2, 7, 9}, List.of("a", "b", "c")));
        assertEquals("shapes: label 7 at index 2 is outside the 3 classes 0..2", e.getMessage());
    }

    @Test
    void installedFashionMnist() {
        assertTrue(Files.isDirectory(DataSources.fashionMnistDir()),
                "the test suite installs dataset-fashion-mnist (./run-tests)");
        ImageDataset train = DataSources.open("fashion-mnist");
        ImageDataset test = DataSources.open("fashion-mnist:test");
        assertEquals(60000, train.size());
        assertEquals(10000, test.size());
        for (ImageDataset d : List.of(train, test)) {
            assertEquals(1, d.channels());
            assertEquals(28, d.height());
            assertEquals(28, d.width());
            assertTrue(d.labelled());
            assertEquals(DataSources.FASHION_MNIST_CLASSES, d.classNames());
            int[] perClass = new int[10];
            for (int l : d.labels()) {
                perClass[l]++;
            }
            for (int c : perClass) {
                assertEquals(d.size() / 10, c, "Fashion-MNIST is balanced");
            }
        }
        assertEquals("fashion-mnist:test", test.name());
        assertEquals("Ankle boot", DataSources.FASHION_MNIST_CLASSES.get(9));
    }
}
