package org.jgan.core.data;

import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.Tensors;

/**
 * Seeded, resumable batching: the order of epoch {@code e} is a Fisher-Yates shuffle drawn from a generator seeded by
 * (seed, e), so a resumed run that knows its epoch and batch index sees exactly the batches it would have seen.
 * A partial last batch is dropped when {@code dropLast} (training: batch norm and the D/G balance suffer from tiny
 * batches) and kept otherwise (evaluation).
 */
public final class Batches {
    private final String name;
    private final int size;
    private final int batchSize;
    private final boolean dropLast;
    private final long seed;

    public Batches(ImageDataset data, int batchSize, boolean dropLast, long seed) {
        this(data.name(), data.size(), "images", batchSize, dropLast, seed);
    }

    /**
     * Batches over any data of {@code size} items (images, table rows, clips; {@code items} names them in messages,
     * as does {@code name} the data); the items themselves are fetched by index by whoever holds them.
     */
    public Batches(String name, int size, String items, int batchSize, boolean dropLast, long seed) {
        if (batchSize < 1) {
            throw new DataException("batch size must be at least 1, got " + batchSize);
        }
        if (batchSize > size) {
            throw new DataException(name + ": batch size " + batchSize + " is larger than the data ("
                    + size + " " + items + "); use a batch size of " + size + " or less");
        }
        this.name = name;
        this.size = size;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
        this.seed = seed;
    }

    public int batchesPerEpoch() {
        return dropLast ? size / batchSize : (size + batchSize - 1) / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The shuffled image order of {@code epoch}. */
    public int[] order(long epoch) {
        return permutation(size, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch));
    }

    /** 0..n-1 in the Fisher-Yates order drawn from {@code rng}. */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    /** Indices of batch {@code b} within an epoch order. */
    public int[] indices(int[] order, int b) {
        int from = b * batchSize;
        int to = Math.min(order.length, from + batchSize);
        if (from >= to) {
            throw new IndexOutOfBoundsException("batch " + b + " of " + batchesPerEpoch());
        }
        return java.util.Arrays.copyOfRange(order, from, to);
    }

    /** Images at {@code idx} as a float tensor N x C x H x W scaled to [-1, 1]; it belongs to the current scope. */
    public static Tensor images(ImageDataset data, int[] idx) {
        int per = data.imageBytes();
        float[] out = new float[idx.length * per];
        byte[] px = data.pixels();
        for (int i = 0; i < idx.length; i++) {
            int src = idx[i] * per;
            int dst = i * per;
            for (int k = 0; k < per; k++) {
                out[dst + k] = (px[src + k] & 0xff) / 127.5f - 1f;
            }
        }
        return Tensors.fromFloats(out, idx.length, data.channels(), data.height(), data.width());
    }

    /** Labels at {@code idx} as an int64 tensor, or null when the data set is unlabelled. */
    public static Tensor labels(ImageDataset data, int[] idx) {
        if (!data.labelled()) {
            return null;
        }
        long[] out = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = data.labels()[idx[i]];
        }
        return Tensors.fromLongs(out, idx.length);
    }
}
