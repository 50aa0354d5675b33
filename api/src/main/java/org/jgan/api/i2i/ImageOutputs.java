package org.jgan.api.i2i;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.DataException;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageFiles;
import org.jgan.core.image.ImageGrid;
import org.jgan.engine.StepScope;
import org.jgan.models.i2i.Comparison;

/** Writes translated or upscaled images: one PNG each, a side-by-side comparison grid, or an IDX data set. */
public final class ImageOutputs {
    private ImageOutputs() {
    }

    /**
     * Refuses {@code dir} as the folder for the outputs of images read from {@code input} (a file, a folder or a data
     * set name) where writing could replace what the user has: a file; the folder the inputs are in (outputs take the
     * inputs' names); a folder holding other files, unless it is an earlier output (it has figures.json), whose files
     * the new ones replace.
     */
    public static void checkFolder(Path dir, String input) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DataException(dir + ": is a file; the outputs go to a folder");
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        Path in = Path.of(input);
        Path inDir = Files.isDirectory(in) ? in : in.toAbsolutePath().getParent();
        try {
            if (Files.exists(in) && inDir != null && Files.isSameFile(inDir, dir)) {
                throw new DataException(dir + ": holds the inputs (" + input + "), and the outputs take their names: "
                        + "give another folder");
            }
            try (var files = Files.list(dir)) {
                if (files.findAny().isPresent() && !Files.isRegularFile(dir.resolve("figures.json"))) {
                    throw new DataException(dir + ": holds other files and is not an earlier output (no figures.json); "
                            + "the outputs could replace files there: give a new or empty folder");
                }
            }
        } catch (IOException e) {
            throw new DataException(dir + ": cannot read it (" + org.jgan.core.io.IoErrors.reason(e) + ")");
        }
    }

    /** One PNG per image, {@code dir/NAME.png} with {@code names} in image order; creates {@code dir}. */
    public static void writePngs(ImageFiles.Decoded d, List<String> names, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < d.size(); i++) {
            ImageGrid.writePng(ImageGrid.image(d.pixels(), i, d.channels(), d.height(), d.width()),
                    dir.resolve(names.get(i) + ".png"));
        }
    }

    /**
     * A grid of the first {@code n} examples with one column per entry of {@code columns} side by side (e.g. input |
     * output | target), each column enlarged to the largest size and channel count ({@link Comparison}).
     */
    public static void writeComparison(List<ImageFiles.Decoded> columns, int n, Path png) throws IOException {
        int m = Math.min(n, columns.get(0).size());
        try (StepScope s = StepScope.open()) {
            List<Tensor> cols = new ArrayList<>();
            for (ImageFiles.Decoded d : columns) {
                cols.add(ImageBatches.tensor(d, 0, m));
            }
            ImageGrid.writePng(ImageGrid.grid(Comparison.interleave(cols), Comparison.columns(m, cols.size())), png);
        }
    }

    /**
     * Grayscale images (and {@code labels}, when not null) as an IDX folder with MNIST's file names, a data set every
     * jgan reader opens, e.g. to classify translated or upscaled images.
     */
    public static void writeIdx(ImageFiles.Decoded d, int[] labels, Path dir) throws IOException {
        if (d.channels() != 1) {
            throw new DataException(dir + ": IDX holds grayscale images; these have " + d.channels() + " channels");
        }
        if (labels != null && labels.length != d.size()) {
            throw new DataException(dir + ": " + d.size() + " images but " + labels.length + " labels");
        }
        Files.createDirectories(dir);
        IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[]{d.size(), d.height(), d.width()},
                d.pixels());
        if (labels != null) {
            byte[] b = new byte[labels.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) labels[i];
            }
            IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), new int[]{b.length}, b);
        }
    }
}
