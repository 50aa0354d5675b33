package org.jgan.core.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Images held as unsigned bytes in N x C x H x W order, with optional class labels. Plain Java memory: a data set is
 * small next to the JVM heap for the data this toolkit targets, and keeping it off the native heap means nothing
 * here needs closing. Batches become tensors only inside a training step (see {@link Batches}).
 *
 * @param name        where it came from, e.g. "fashion-mnist:train" or a folder path
 * @param channels    1 (grayscale) or 3 (RGB)
 * @param pixels      N*C*H*W bytes, 0..255
 * @param labels      one class index per image, or null when unlabelled
 * @param classNames  names of the classes (empty when unlabelled)
 * @param pairing     null for single images; for image-to-image data, how the channels divide into an A and a B
 *                    image side by side ({@link Pairing})
 */
public record ImageDataset(String name, int channels, int height, int width, byte[] pixels, int[] labels,
                           List<String> classNames, Pairing pairing) {
    public ImageDataset {
        if (pairing == null && channels != 1 && channels != 3) {
            throw new DataException(name + ": images must have 1 or 3 channels, got " + channels);
        }
        if (pairing != null && pairing.channels() != channels) {
            throw new DataException(name + ": pairs of " + pairing.channelsA() + " + " + pairing.channelsB()
                    + " channels need " + pairing.channels() + " channels, got " + channels);
        }
        if (height <= 0 || width <= 0) {
            throw new DataException(name + ": image size " + height + "x" + width + " is not positive");
        }
        long per = (long) channels * height * width;
        if (pixels.length == 0 || pixels.length % per != 0) {
            throw new DataException(name + ": " + pixels.length + " pixel bytes is not a whole number of "
                    + channels + "x" + height + "x" + width + " images");
        }
        if (labels != null && labels.length != pixels.length / per) {
            throw new DataException(name + ": " + (pixels.length / per) + " images but " + labels.length
                    + " labels; the counts must match");
        }
        if (labels != null) {
            Labels.requireBelow(labels, classNames.isEmpty() ? Integer.MAX_VALUE : classNames.size(), name);
        }
        classNames = List.copyOf(classNames);
    }

    /** Single images (no pairing). */
    public ImageDataset(String name, int channels, int height, int width, byte[] pixels, int[] labels,
                        List<String> classNames) {
        this(name, channels, height, width, pixels, labels, classNames, null);
    }

    public int size() {
        return (int) (pixels.length / imageBytes());
    }

    public int imageBytes() {
        return channels * height * width;
    }

    public boolean labelled() {
        return labels != null;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** The first {@code n} images (and labels), for tests and quick runs. */
    public ImageDataset head(int n) {
        int m = Math.min(n, size());
        byte[] p = java.util.Arrays.copyOf(pixels, m * imageBytes());
        int[] l = labels == null ? null : java.util.Arrays.copyOf(labels, m);
        return new ImageDataset(name + "[:" + m + "]", channels, height, width, p, l, classNames, pairing);
    }

    /**
     * {@code k} images of each class, picked in a shuffled order seeded by {@code seed} (the same k and seed always
     * pick the same images), kept in their original order.
     */
    public ImageDataset perClass(int k, long seed) {
        if (!labelled()) {
            throw new DataException(name + ": data.perClass needs labelled data");
        }
        int[] order = new Batches(this, 1, false, seed).order(0);
        int[] taken = new int[numClasses()];
        java.util.List<Integer> keep = new java.util.ArrayList<>();
        for (int i : order) {
            if (taken[labels[i]] < k) {
                taken[labels[i]]++;
                keep.add(i);
            }
        }
        for (int c = 0; c < taken.length; c++) {
            if (taken[c] < k) {
                throw new DataException(name + ": class " + classNames.get(c) + " has only " + taken[c]
                        + " images, fewer than data.perClass " + k);
            }
        }
        int[] idx = keep.stream().mapToInt(Integer::intValue).sorted().toArray();
        return select(idx, name + "[" + k + "/class seed " + seed + "]");
    }

    /** The images (and labels) at {@code idx}, in that order. */
    public ImageDataset select(int[] idx, String newName) {
        int per = imageBytes();
        byte[] p = new byte[idx.length * per];
        int[] l = labels == null ? null : new int[idx.length];
        for (int j = 0; j < idx.length; j++) {
            System.arraycopy(pixels, idx[j] * per, p, j * per, per);
            if (l != null) {
                l[j] = labels[idx[j]];
            }
        }
        return new ImageDataset(newName, channels, height, width, p, l, classNames);
    }

    /**
     * A short content hash (SHA-256 over shape, pixels and labels, first 16 hex digits), saved in every run's
     * config.json so a run can be tied to the exact data it saw.
     */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(ByteBuffer.allocate(12).putInt(channels).putInt(height).putInt(width).array());
            if (pairing != null) {
                // Only pair data mixes this in, so the fingerprints of single-image data sets stay as they were.
                md.update(ByteBuffer.allocate(9).putInt(pairing.channelsA()).putInt(pairing.channelsB())
                        .put((byte) (pairing.aligned() ? 1 : 0)).array());
            }
            md.update(pixels);
            if (labels != null) {
                ByteBuffer b = ByteBuffer.allocate(4 * labels.length);
                for (int l : labels) {
                    b.putInt(l);
                }
                md.update(b.array());
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
