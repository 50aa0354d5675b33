package org.jgan.api.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.image.ImageGrid;
import org.jgan.metrics.npz.Npy;

/** The file formats a labelled data set can be written in, each readable by common tools and by jgan itself. */
public enum ExportFormat {
    /** {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}, as MNIST names them; grayscale only. */
    IDX,
    /** One sub-folder of PNGs per class, named after the class (characters other than {@code A-Za-z0-9._-} become _). */
    FOLDERS,
    /** {@code images.npy} (uint8, N x H x W, or N x H x W x C for RGB) and {@code labels.npy} (int64, N). */
    NPY;

    /**
     * Writes the labelled {@code data} into {@code folder} (created if missing) in this format.
     *
     * @throws ConfigException when the format cannot hold the images (RGB as IDX)
     */
    public void write(ImageDataset data, Path folder) throws IOException {
        if (!data.labelled()) {
            throw new ConfigException(data.name() + ": only a labelled data set can be exported");
        }
        if (this == IDX && data.channels() != 1) {
            throw new ConfigException(data.name() + ": IDX files hold grayscale images, these have " + data.channels()
                    + " channels; write them as FOLDERS or NPY");
        }
        Files.createDirectories(folder);
        switch (this) {
            case IDX -> {
                IdxWriter.write(folder.resolve("train-images-idx3-ubyte"),
                        new int[]{data.size(), data.height(), data.width()}, data.pixels());
                byte[] l = new byte[data.size()];
                for (int i = 0; i < l.length; i++) {
                    l[i] = (byte) data.labels()[i];
                }
                IdxWriter.write(folder.resolve("train-labels-idx1-ubyte"), new int[]{data.size()}, l);
            }
            case FOLDERS -> {
                for (int i = 0; i < data.size(); i++) {
                    String cls = folderName(data.classNames().get(data.labels()[i]));
                    ImageGrid.writePng(ImageGrid.image(data.pixels(), i, data.channels(), data.height(), data.width()),
                            folder.resolve(cls).resolve(String.format("%06d.png", i)));
                }
            }
            case NPY -> writeNpy(data, folder);
            default -> throw new IllegalStateException(name());
        }
    }

    /** A class name as a folder name: letters, digits, '-', '_' and '.'; others become '_'. */
    static String folderName(String className) {
        return className.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void writeNpy(ImageDataset d, Path folder) throws IOException {
        // channels last for RGB, as NumPy image code (PIL, matplotlib) expects
        long[] shape = d.channels() == 1 ? new long[]{d.size(), d.height(), d.width()}
                : new long[]{d.size(), d.height(), d.width(), d.channels()};
        Npy.writeUint8(folder.resolve("images.npy"), shape, d.channels() == 1 ? d.pixels() : channelsLast(d));
        long[] labels = new long[d.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = d.labels()[i];
        }
        Npy.writeInt64(folder.resolve("labels.npy"), new long[]{d.size()}, labels);
    }

    private static byte[] channelsLast(ImageDataset d) {
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
}
