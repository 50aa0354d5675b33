package org.jgan.models.i2i;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.DemoTasks;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.ImageFiles;
import org.jgan.core.data.ImageFolderReader;
import org.jgan.core.data.PairedFolders;

/**
 * The images a translator works on, read from a spec: a file, a folder of images, a folder of pairs (A/ and B/: the
 * other side is the target), an unpaired folder (testA/ or testB/, by direction; ":train" for the training split),
 * side-by-side A|B images, or a demo task such as {@code demo:edges2garment:test}. Inputs are resized as training saw
 * them ({@link Translator#inputSize}) and given the translator's channels; targets likewise. For super-resolution,
 * {@link #unresized} reads images at their own size.
 *
 * @param inputs  the images to translate
 * @param targets their counterparts when the input has pairs, else null
 * @param labels  class labels of the inputs when the data has them (demo:edges2garment), else null
 */
public record TranslationInputs(ImageFiles.Decoded inputs, ImageFiles.Decoded targets, int[] labels) {
    /** Inputs with targets (or null), without labels. */
    public TranslationInputs(ImageFiles.Decoded inputs, ImageFiles.Decoded targets) {
        this(inputs, targets, null);
    }

    /** Short names for the output files: the input file names without extension, or 000000, 000001, ... */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path f = inputs.files().get(i);
            boolean file = f != null && Files.isRegularFile(f);
            out.add(file ? ImageFiles.stem(f) : String.format("%06d", i));
        }
        return out;
    }

    /**
     * Reads {@code spec} for translator {@code t}; {@code sideBySide} reads a folder of plain images as A|B pairs;
     * {@code limit} > 0 keeps the first images only.
     */
    public static TranslationInputs read(String spec, Translator t, boolean sideBySide, int limit) {
        boolean ab = t.direction().equals(ImageToImage.A_TO_B);
        int[] size = t.inputSize();
        TranslationInputs in;
        if (DemoTasks.isDemo(spec)) {
            in = ofPairs(DemoTasks.open(spec, 0), ab, limit);
        } else {
            I2iData.Split s = I2iData.Split.of(spec);
            Path p = s.path();
            if (Files.isRegularFile(p)) {
                in = new TranslationInputs(ImageFiles.read(List.of(p), size[0], size[1], 0), null);
            } else if (!Files.isDirectory(p)) {
                throw new DataException(spec + ": no such file or folder (give an image, a folder of images or of "
                        + "pairs, or one of " + I2iData.demos() + ")");
            } else {
                in = ofFolder(p, spec.equals(p.toString()) ? null : s.split(), ab, size, sideBySide, limit);
            }
        }
        return in.withChannelsOf(t);
    }

    /** These inputs with {@code t}'s input channels, and targets with its output channels (gray to RGB or back). */
    public TranslationInputs withChannelsOf(Translator t) {
        ImageFiles.Decoded x = ImageFiles.withChannels(inputs, t.inputChannels());
        ImageFiles.Decoded y = targets == null ? null : ImageFiles.withChannels(targets, t.outputChannels());
        return x == inputs && y == targets ? this : new TranslationInputs(x, y, labels);
    }

    /**
     * Images at their own size, without targets, from {@code spec}: one image file, a folder of same-size images, or
     * any data set {@link DataSources} opens (with its labels); {@code limit} > 0 keeps the first images only.
     */
    public static TranslationInputs unresized(String spec, int limit) {
        Path p = Path.of(spec);
        if (Files.isRegularFile(p) && ImageFolderReader.isImage(p)) {
            return new TranslationInputs(ImageFiles.read(List.of(p), 0, 0), null);
        }
        if (Files.isDirectory(p) && hasImages(p)) {
            return new TranslationInputs(ImageFiles.read(first(ImageFiles.list(p), limit), 0, 0), null);
        }
        ImageDataset d = DataSources.open(spec);
        ImageDataset data = limit > 0 ? d.head(limit) : d;
        List<Path> names = java.util.Collections.nCopies(data.size(), null);
        return new TranslationInputs(new ImageFiles.Decoded(names, data.channels(), data.height(), data.width(),
                data.pixels()), null, data.labels());
    }

    private static boolean hasImages(Path dir) {
        try (var s = Files.list(dir)) {
            return s.anyMatch(ImageFolderReader::isImage);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static TranslationInputs ofFolder(Path p, String split, boolean ab, int[] size, boolean sideBySide,
                                              int limit) {
        // pair folders resize to a square load size as in training; single images to the exact training size
        int square = size[0] == size[1] ? size[0] : 0;
        switch (PairedFolders.detect(p)) {
            case UNPAIRED -> {
                // Translation is for held-out images: the test split unless ":train" was asked for.
                String sp = split != null ? split : Files.isDirectory(p.resolve("testA")) ? "test" : "train";
                Path side = p.resolve(sp + (ab ? "A" : "B"));
                return new TranslationInputs(ImageFiles.read(first(ImageFiles.list(side), limit), size[0], size[1], 0),
                        null);
            }
            case PAIRED -> {
                return ofPairs(PairedFolders.open(p, split != null ? split : "test", square, 0), ab, limit);
            }
            default -> {
                if (sideBySide) {
                    return ofPairs(PairedFolders.open(p, split != null ? split : "test", square, 0), ab, limit);
                }
                return new TranslationInputs(ImageFiles.read(first(ImageFiles.list(p), limit), size[0], size[1], 0),
                        null);
            }
        }
    }

    private static TranslationInputs ofPairs(ImageDataset d, boolean ab, int limit) {
        ImageDataset data = limit > 0 ? d.head(limit) : d;
        int ca = data.pairing().channelsA();
        int cb = data.pairing().channelsB();
        List<Path> names = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            names.add(null);
        }
        ImageFiles.Decoded a = ImageFiles.channels(data, 0, ca, names);
        ImageFiles.Decoded b = ImageFiles.channels(data, ca, cb, names);
        boolean aligned = data.pairing().aligned();
        return new TranslationInputs(ab ? a : b, aligned ? (ab ? b : a) : null, data.labels());
    }

    private static List<Path> first(List<Path> files, int limit) {
        return limit > 0 && limit < files.size() ? files.subList(0, limit) : files;
    }
}
