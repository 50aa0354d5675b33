package org.jgan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.ImageFiles;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.train.AtomicFiles;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.models.i2i.Comparison;

/** What translate and upscale share: running a network over decoded images in chunks, and writing results. */
final class ImageOutputs {
    static final int CHUNK = 256;

    private ImageOutputs() {
    }

    /** {@code d}'s images i .. i + n as a float tensor in [-1, 1], in the current scope. */
    static Tensor tensor(ImageFiles.Decoded d, int from, int n) {
        int per = d.channels() * d.height() * d.width();
        float[] f = new float[n * per];
        for (int k = 0; k < f.length; k++) {
            f[k] = (d.pixels()[from * per + k] & 0xff) / 127.5f - 1f;
        }
        return Tensors.fromFloats(f, n, d.channels(), d.height(), d.width());
    }

    /** Runs {@code net} over all of {@code in} in chunks; the outputs as bytes (N x C x H' x W'). */
    static ImageFiles.Decoded map(ImageFiles.Decoded in, UnaryOperator<Tensor> net) {
        byte[] out = null;
        long[] shape = null;
        for (int from = 0; from < in.size(); from += CHUNK) {
            int n = Math.min(CHUNK, in.size() - from);
            try (StepScope s = StepScope.open()) {
                Tensor y = net.apply(tensor(in, from, n));
                if (shape == null) {
                    shape = Tensors.shape(y);
                    out = new byte[(int) (in.size() * shape[1] * shape[2] * shape[3])];
                }
                byte[] b = ImageGrid.toBytes(y);
                System.arraycopy(b, 0, out, (int) (from * shape[1] * shape[2] * shape[3]), b.length);
            }
        }
        return new ImageFiles.Decoded(in.files(), (int) shape[1], (int) shape[2], (int) shape[3], out);
    }

    /** One PNG per image, {@code dir/NAME.png}. */
    static void writePngs(ImageFiles.Decoded d, List<String> names, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < d.size(); i++) {
            ImageGrid.writePng(ImageGrid.image(d.pixels(), i, d.channels(), d.height(), d.width()),
                    dir.resolve(names.get(i) + ".png"));
        }
    }

    /** A grid of the first {@code n} examples with one column per entry of {@code columns}, side by side. */
    static void writeComparison(List<ImageFiles.Decoded> columns, int n, Path png) throws IOException {
        int m = Math.min(n, columns.get(0).size());
        try (StepScope s = StepScope.open()) {
            List<Tensor> cols = new ArrayList<>();
            for (ImageFiles.Decoded d : columns) {
                cols.add(tensor(d, 0, m));
            }
            ImageGrid.writePng(ImageGrid.grid(Comparison.interleave(cols), Comparison.columns(m, cols.size())), png);
        }
    }

    /**
     * Writes grayscale images (and labels, when given) as an IDX folder with MNIST's file names, which every jgan
     * command that takes {@code --data} reads, e.g. to classify translated or upscaled images.
     */
    static void writeIdx(ImageFiles.Decoded d, int[] labels, Path dir) throws IOException {
        if (d.channels() != 1) {
            throw new org.jgan.core.config.ConfigException("--idx holds grayscale images; these have " + d.channels()
                    + " channels");
        }
        Files.createDirectories(dir);
        org.jgan.core.data.IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[]{d.size(), d.height(),
            d.width()}, d.pixels());
        if (labels != null) {
            byte[] b = new byte[labels.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) labels[i];
            }
            org.jgan.core.data.IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), new int[]{b.length}, b);
        }
    }

    /** Writes {@code figures} as a small JSON object. */
    static void writeJson(Map<String, Object> figures, Path file) throws IOException {
        AtomicFiles.writeString(file, org.jgan.core.config.ConfigJson.MAPPER.writeValueAsString(figures));
    }

    static Map<String, Object> figures() {
        return new LinkedHashMap<>();
    }
}
