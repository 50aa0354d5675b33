package org.jgan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@link Batches} orders data reproducibly per (seed, epoch) and differently across epochs, keeps or drops
 * the partial last batch as asked, rejects a batch larger than the data, and scales pixels 0..255 to exactly [-1, 1].
 */
class BatchesTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** {@code n} 1x2x2 images; image i has all pixels i, label i % 3. */
    static ImageDataset data(int n) {
        byte[] px = new byte[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(px, i * 4, i * 4 + 4, (byte) i);
            labels[i] = i % 3;
        }
        return new ImageDataset("test", 1, 2, 2, px, labels, List.of("a", "b", "c"));
    }

    @Test
    void sameSeedAndEpochGiveTheSameOrder() {
        Batches a = new Batches(data(100), 10, true, 7);
        Batches b = new Batches(data(100), 10, true, 7);
        assertArrayEquals(a.order(3), b.order(3));
        int[] sorted = a.order(3).clone();
        Arrays.sort(sorted);
        int[] identity = new int[100];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, sorted, "an epoch's order is a permutation of all images");
        assertFalse(Arrays.equals(identity, a.order(3)), "the order is shuffled");
    }

    @Test
    void differentEpochOrSeedGiveADifferentOrder() {
        Batches a = new Batches(data(100), 10, true, 7);
        assertFalse(Arrays.equals(a.order(0), a.order(1)));
        assertFalse(Arrays.equals(a.order(1), a.order(2)));
        assertFalse(Arrays.equals(a.order(0), new Batches(data(100), 10, true, 8).order(0)));
    }

    @Test
    void partialLastBatchIsDroppedOrKept() {
        Batches drop = new Batches(data(10), 4, true, 1);
        Batches keep = new Batches(data(10), 4, false, 1);
        assertEquals(2, drop.batchesPerEpoch());
        assertEquals(3, keep.batchesPerEpoch());
        int[] order = keep.order(0);
        assertArrayEquals(Arrays.copyOfRange(order, 0, 4), keep.indices(order, 0));
        assertArrayEquals(Arrays.copyOfRange(order, 8, 10), keep.indices(order, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> keep.indices(order, 3));
        assertEquals(2, new Batches(data(8), 4, false, 1).batchesPerEpoch(), "no partial batch when it divides");
    }

    @Test
    void batchLargerThanTheDataIsAClearError() {
        DataException e = assertThrows(DataException.class, () -> new Batches(data(5), 6, true, 1));
        assertTrue(e.getMessage().contains("batch size 6 is larger than the data (5 images)"), e.getMessage());
        assertTrue(e.getMessage().startsWith("test:"), e.getMessage());
        assertThrows(DataException.class, () -> new Batches(data(5), 0, true, 1));
        assertEquals(1, new Batches(data(5), 5, true, 1).batchesPerEpoch());
    }

    @Test
    void pixelsAreScaledExactlyToMinusOneAndOne() {
        byte[] px = {0, (byte) 255, (byte) 128, 1};
        ImageDataset d = new ImageDataset("px", 1, 2, 2, px, null, List.of());
        try (StepScope s = StepScope.open()) {
            Tensor t = Batches.images(d, new int[]{0});
            assertArrayEquals(new long[]{1, 1, 2, 2}, Tensors.shape(t));
            float[] v = Tensors.toFloats(t);
            assertEquals(-1f, v[0], 0f);
            assertEquals(1f, v[1], 0f);
            assertEquals(128 / 127.5f - 1f, v[2], 1e-7f);
            assertEquals(1 / 127.5f - 1f, v[3], 1e-7f);
            assertNull(Batches.labels(d, new int[]{0}));
        }
    }

    @Test
    void imagesAndLabelsFollowTheIndices() {
        ImageDataset d = data(10);
        try (StepScope s = StepScope.open()) {
            float[] v = Tensors.toFloats(Batches.images(d, new int[]{7, 2}));
            assertEquals(7 / 127.5f - 1f, v[0], 1e-7f);
            assertEquals(7 / 127.5f - 1f, v[3], 1e-7f);
            assertEquals(2 / 127.5f - 1f, v[4], 1e-7f);
            assertArrayEquals(new long[]{1, 2}, Tensors.toLongs(Batches.labels(d, new int[]{7, 2})));
        }
    }
}
