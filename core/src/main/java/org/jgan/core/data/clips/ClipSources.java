package org.jgan.core.data.clips;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.data.DataException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;

/**
 * Opens clips by name: {@code moving-fashion-mnist} (the train split's garments) or {@code moving-fashion-mnist:test}
 * (the test split's, for held-out clips), made as a {@link MotionSpec} says; or a folder of a user's clips
 * ({@link ClipFolders}).
 */
public final class ClipSources {
    /** The data name of moving Fashion-MNIST. */
    public static final String MOVING_FASHION_MNIST = "moving-fashion-mnist";
    // Fixed per split: the clips are data, the same for every run and every machine, not drawn from a run's seed.
    private static final long TRAIN_SEED = 0x4D6F76696E67L;
    private static final long TEST_SEED = 0x4D6F76696E68L;

    private ClipSources() {
    }

    /** True when {@code spec} names moving Fashion-MNIST (either split). */
    public static boolean isMovingFashionMnist(String spec) {
        return spec != null && (spec.equals(MOVING_FASHION_MNIST) || spec.equals(MOVING_FASHION_MNIST + ":train")
                || spec.equals(MOVING_FASHION_MNIST + ":test"));
    }

    /** The clips {@code spec} names; a folder's clips are cut to {@code motion.frames()} frames. */
    public static ClipSource open(String spec, MotionSpec motion) {
        if (spec == null || spec.isBlank()) {
            throw new DataException("the clip data is empty; give moving-fashion-mnist, moving-fashion-mnist:test or a "
                    + "folder of clips");
        }
        if (isMovingFashionMnist(spec)) {
            boolean test = spec.endsWith(":test");
            ImageDataset garments = DataSources.open(test ? "fashion-mnist:test" : "fashion-mnist:train");
            return new MovingFashionMnist(garments, motion, test ? TEST_SEED : TRAIN_SEED,
                    MOVING_FASHION_MNIST + (test ? ":test" : ":train"));
        }
        Path p = Path.of(spec);
        if (!Files.isDirectory(p)) {
            throw new DataException(spec + ": no such folder (expected moving-fashion-mnist, moving-fashion-mnist:test, "
                    + "or a folder of GIFs or of frame folders)");
        }
        return ClipFolders.read(p, motion.frames());
    }
}
