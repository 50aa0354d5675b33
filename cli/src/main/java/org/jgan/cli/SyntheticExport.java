package org.jgan.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.train.AtomicFiles;
import org.jgan.models.RunGenerator;

/** Generates labelled synthetic data sets and writes them as IDX files, class folders or NumPy arrays. */
final class SyntheticExport {
    enum Format { idx, folders, npy }

    private SyntheticExport() {
    }

    /** {@code perClass} images of every class, class by class, from latents seeded by {@code seed}. */
    static ImageDataset generate(RunGenerator rg, int perClass, long seed, Double minConfidence) {
        if (minConfidence != null) {
            return ConfidenceFilter.generate(rg, perClass, seed, minConfidence);
        }
        int k = rg.shape().numClasses();
        int n = perClass * k;
        byte[] px = rg.generate(n, seed, i -> i / perClass, 1.0);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i / perClass;
        }
        var s = rg.shape();
        return new ImageDataset("synthetic:" + rg.checkpoint(), s.channels(), s.height(), s.width(), px, labels,
                rg.classNames());
    }

    /** All of {@code real} plus {@code ratio * real.size()} synthetic images (drawn evenly), shuffled together. */
    static ImageDataset mix(ImageDataset real, ImageDataset synthetic, double ratio) {
        if (real.channels() != synthetic.channels() || real.height() != synthetic.height()
                || real.width() != synthetic.width()) {
            throw new org.jgan.core.config.ConfigException("--mix-with " + real.name() + ": images are "
                    + real.channels() + "x" + real.height() + "x" + real.width() + " but the run makes "
                    + synthetic.channels() + "x" + synthetic.height() + "x" + synthetic.width());
        }
        if (!real.labelled() || !real.classNames().equals(synthetic.classNames())) {
            throw new org.jgan.core.config.ConfigException("--mix-with " + real.name() + ": its classes "
                    + real.classNames() + " differ from the run's " + synthetic.classNames());
        }
        int want = (int) Math.min(synthetic.size(), Math.round(real.size() * ratio));
        int[] synthIdx = new int[want];
        for (int i = 0; i < want; i++) {
            // spread evenly over the class-ordered synthetic set, so every class keeps its share
            synthIdx[i] = (int) ((long) i * synthetic.size() / want);
        }
        ImageDataset s = synthetic.select(synthIdx, synthetic.name());
        int per = real.imageBytes();
        int n = real.size() + s.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        byte[] px = new byte[n * per];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int src = order[i];
            ImageDataset from = src < real.size() ? real : s;
            int k = src < real.size() ? src : src - real.size();
            System.arraycopy(from.pixels(), k * per, px, i * per, per);
            labels[i] = from.labels()[k];
        }
        return new ImageDataset("mix", real.channels(), real.height(), real.width(), px, labels, real.classNames());
    }

    static void write(ImageDataset d, Path out, Format format) throws IOException {
        Files.createDirectories(out);
        switch (format) {
            case idx -> {
                if (d.channels() != 1) {
                    throw new org.jgan.core.config.ConfigException("--format idx holds grayscale images; this run "
                            + "makes RGB images, use --format folders or npy");
                }
                IdxWriter.write(out.resolve("train-images-idx3-ubyte"), new int[]{d.size(), d.height(), d.width()},
                        d.pixels());
                byte[] l = new byte[d.size()];
                for (int i = 0; i < l.length; i++) {
                    l[i] = (byte) d.labels()[i];
                }
                IdxWriter.write(out.resolve("train-labels-idx1-ubyte"), new int[]{d.size()}, l);
            }
            case folders -> {
                for (int i = 0; i < d.size(); i++) {
                    String cls = safe(d.classNames().get(d.labels()[i]));
                    ImageGrid.writePng(ImageGrid.image(d.pixels(), i, d.channels(), d.height(), d.width()),
                            out.resolve(cls).resolve(String.format("%06d.png", i)));
                }
            }
            case npy -> {
                // N x H x W for gray, N x H x W x C (channels last, as NumPy image code expects) for RGB
                byte[] hwc = d.channels() == 1 ? d.pixels() : toChannelsLast(d);
                String shape = d.channels() == 1 ? d.size() + ", " + d.height() + ", " + d.width()
                        : d.size() + ", " + d.height() + ", " + d.width() + ", " + d.channels();
                writeNpy(out.resolve("images.npy"), "|u1", shape, hwc);
                ByteBuffer b = ByteBuffer.allocate(8 * d.size()).order(ByteOrder.LITTLE_ENDIAN);
                for (int l : d.labels()) {
                    b.putLong(l);
                }
                writeNpy(out.resolve("labels.npy"), "<i8", d.size() + ",", b.array());
            }
            default -> throw new IllegalStateException();
        }
    }

    /** A class name as a folder name: letters, digits, '-', '_' and '.'; others become '_'. */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static byte[] toChannelsLast(ImageDataset d) {
        int c = d.channels();
        int hw = d.height() * d.width();
        byte[] out = new byte[d.pixels().length];
        for (int i = 0; i < d.size(); i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < hw; p++) {
                    out[i * c * hw + p * c + ch] = d.pixels()[i * c * hw + ch * hw + p];
                }
            }
        }
        return out;
    }

    /** NumPy's .npy format version 1.0: magic, header length, a Python dict literal padded to 64 bytes, data. */
    static void writeNpy(Path file, String dtype, String shape, byte[] data) throws IOException {
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int unpadded = 10 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.write(file, o -> {
            o.write(b.array());
            o.write(data);
        });
    }
}
