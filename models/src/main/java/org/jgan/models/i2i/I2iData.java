package org.jgan.models.i2i;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.DemoTasks;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.ImageFiles;
import org.jgan.core.data.PairedFolders;
import org.jgan.core.train.Seeds;

/**
 * Opens the data of the image-to-image variants from a spec: {@code demo:NAME[:test]} ({@link DemoTasks}), a folder
 * in one of the pair layouts ({@link PairedFolders}; {@code DIR:test} for its test split), or, for single-image
 * variants (SRGAN), anything {@link DataSources} opens, with folders of images of any size resized to
 * {@code i2i.loadSize}.
 */
public final class I2iData {
    private I2iData() {
    }

    /** The pairs named by {@code spec}: a demo task or a folder of pairs. */
    public static ImageDataset pairs(String spec, TrainConfig config) {
        long seed = Seeds.derive(config.seed(), "pairs", 0);
        if (DemoTasks.isDemo(spec)) {
            return DemoTasks.open(spec, seed);
        }
        Split s = Split.of(spec);
        if (!Files.isDirectory(s.path())) {
            throw new DataException(spec + ": not a folder of image pairs (expected A/ and B/, trainA/ and trainB/, "
                    + "side-by-side A|B images, or one of " + demos() + ")");
        }
        return PairedFolders.open(s.path(), s.split(), ImageToImageConfig.of(config).loadSize(), seed);
    }

    /** Single images named by {@code spec}; folders of PNG/JPEG files are resized to {@code i2i.loadSize} if set. */
    public static ImageDataset singles(String spec, TrainConfig config) {
        Path p = Path.of(spec);
        int size = ImageToImageConfig.of(config).loadSize();
        if (size > 0 && Files.isDirectory(p) && !isIdxFolder(p)) {
            List<Path> files = ImageFiles.list(p);
            ImageFiles.Decoded d = ImageFiles.read(files, size, 0);
            return new ImageDataset(spec, d.channels(), d.height(), d.width(), d.pixels(), null, List.of());
        }
        return DataSources.open(spec);
    }

    static String demos() {
        return DemoTasks.NAMES.stream().map(n -> DemoTasks.PREFIX + n).toList().toString();
    }

    /** A folder spec with an optional ":test" or ":train" suffix. */
    record Split(Path path, String split) {
        static Split of(String spec) {
            for (String s : new String[]{"train", "test"}) {
                if (spec.endsWith(":" + s)) {
                    return new Split(Path.of(spec.substring(0, spec.length() - s.length() - 1)), s);
                }
            }
            return new Split(Path.of(spec), "train");
        }
    }

    /** Tells IDX folders (read by DataSources) from folders of images. */
    private static boolean isIdxFolder(Path p) {
        try (var s = Files.list(p)) {
            return s.anyMatch(f -> f.getFileName().toString().contains("idx3-ubyte"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
