package org.jgan.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a data spec from the command line into a data set:
 * <ul>
 *   <li>{@code fashion-mnist} or {@code fashion-mnist:train}, {@code fashion-mnist:test}: Debian's
 *       {@code dataset-fashion-mnist} under /usr/share/datasets/fashion-mnist (override the folder with
 *       {@code JGAN_FASHION_MNIST_DIR});</li>
 *   <li>{@code DIR} or {@code DIR:test}: a folder with the four IDX files named as MNIST ships them (.gz or plain);</li>
 *   <li>{@code FILE}: a single IDX image file (unlabelled);</li>
 *   <li>{@code DIR} of PNG/JPEG images, optionally one sub-folder per class.</li>
 * </ul>
 */
public final class DataSources {
    /** Xiao et al. 2017, in label order. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final String FASHION_DIR = "/usr/share/datasets/fashion-mnist";

    private DataSources() {
    }

    public static Path fashionMnistDir() {
        String env = System.getenv("JGAN_FASHION_MNIST_DIR");
        return Path.of(env != null && !env.isBlank() ? env : FASHION_DIR);
    }

    /** The training data a config describes: the source, then data.perClass and data.limit applied. */
    public static ImageDataset forTraining(org.jgan.core.config.DataConfig cfg, long seed) {
        return subset(open(cfg.source()), cfg, seed);
    }

    /** {@code ds} with data.perClass (seeded by {@code seed}) and then data.limit applied. */
    public static ImageDataset subset(ImageDataset ds, org.jgan.core.config.DataConfig cfg, long seed) {
        ImageDataset out = ds;
        if (cfg.perClass() > 0) {
            out = out.perClass(cfg.perClass(), seed);
        }
        if (cfg.limit() > 0) {
            out = out.head(cfg.limit());
        }
        return out;
    }

    public static ImageDataset open(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new DataException("the data source is empty; give fashion-mnist, fashion-mnist:test, a folder or an "
                    + "IDX file");
        }
        String base = spec;
        String split = "train";
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && (spec.endsWith(":train") || spec.endsWith(":test"))) {
            base = spec.substring(0, colon);
            split = spec.substring(colon + 1);
        }
        if (base.equals("fashion-mnist-captions")) {
            throw new DataException("fashion-mnist-captions is Fashion-MNIST with a caption per image, the data of the "
                    + "text2image model; other models train on fashion-mnist");
        }
        if (base.equals("moving-fashion-mnist")) {
            throw new DataException("moving-fashion-mnist is clips of moving garments, the data of the mocogan model; "
                    + "image models train on fashion-mnist");
        }
        if (base.equals("fashion-mnist")) {
            Path dir = fashionMnistDir();
            if (!Files.isDirectory(dir)) {
                throw new DataException(dir + ": Fashion-MNIST is not installed; run "
                        + "'sudo apt-get install dataset-fashion-mnist' (the README's set-up does this)");
            }
            return idxPair(dir, split, "fashion-mnist:" + split, FASHION_MNIST_CLASSES);
        }
        Path p = Path.of(base);
        if (!Files.exists(p)) {
            throw new DataException(base + ": no such file or folder (expected fashion-mnist, fashion-mnist:test, "
                    + "a folder of IDX files or images, or an IDX file)");
        }
        if (Files.isRegularFile(p)) {
            IdxReader.Idx img = IdxReader.read(p, 3);
            return new ImageDataset(p.toString(), 1, img.dims()[1], img.dims()[2], img.data(), null, List.of());
        }
        // A folder of IDX files for either split is an IDX folder: asking for the split it lacks must name the
        // missing file, not fall through to "no PNG or JPEG images found".
        if (findIdx(p, "train", "images-idx3-ubyte") != null || findIdx(p, "t10k", "images-idx3-ubyte") != null) {
            List<String> names = p.equals(fashionMnistDir()) ? FASHION_MNIST_CLASSES : List.of();
            return idxPair(p, split, p + ":" + split, names);
        }
        return ImageFolderReader.read(p);
    }

    private static String prefix(String split) {
        return split.equals("test") ? "t10k" : "train";
    }

    private static ImageDataset idxPair(Path dir, String split, String name, List<String> classNames) {
        String pre = prefix(split);
        Path images = findIdx(dir, pre, "images-idx3-ubyte");
        Path labels = findIdx(dir, pre, "labels-idx1-ubyte");
        if (images == null) {
            throw new DataException(dir + ": missing " + pre + "-images-idx3-ubyte(.gz)");
        }
        IdxReader.Idx img = IdxReader.read(images, 3);
        int[] lab = null;
        List<String> names = classNames;
        if (labels != null) {
            IdxReader.Idx l = IdxReader.read(labels, 1);
            if (l.count() != img.count()) {
                throw new DataException(labels + ": " + l.count() + " labels but " + images.getFileName() + " has "
                        + img.count() + " images; the counts must match");
            }
            lab = new int[l.count()];
            for (int i = 0; i < lab.length; i++) {
                lab[i] = l.data()[i] & 0xff;
            }
            if (names.isEmpty()) {
                int classes = Labels.classCount(lab, labels.toString());
                names = java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList();
            } else {
                Labels.requireBelow(lab, names.size(), labels + " (" + name + ")");
            }
        } else {
            names = List.of();
        }
        return new ImageDataset(name, 1, img.dims()[1], img.dims()[2], img.data(), lab, names);
    }

    private static Path findIdx(Path dir, String pre, String kind) {
        for (String sep : new String[]{"-", "."}) {
            for (String ext : new String[]{"", ".gz"}) {
                Path p = dir.resolve(pre + "-" + kind.replace("-idx", sep + "idx") + ext);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
