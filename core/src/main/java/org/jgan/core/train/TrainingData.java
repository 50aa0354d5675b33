package org.jgan.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.ImageDataset;

/**
 * What the training loop trains on: images, table rows, clips. The loop only batches indices ({@link #size}), asks
 * for the tensors of a batch, records where the data came from and writes the view of the fixed samples; everything
 * else about the data belongs to the variant that reads it ({@link GanVariant#openTrainingData}).
 *
 * <p>Plain Java state; tensors it returns belong to the caller's scope.
 */
public interface TrainingData {
    /** Where it came from, e.g. "fashion-mnist:train" or a file path. */
    String name();

    /** Number of items. */
    int size();

    /** What the networks are sized by. */
    DataShape shape();

    /** What one item is called in messages ("images", "rows"). */
    default String items() {
        return "images";
    }

    /** What reading the data decided that the user should hear about (a table's left-out columns); none by default. */
    default java.util.List<String> notes() {
        return java.util.List.of();
    }

    /** The items at {@code idx} as one batch tensor, in the caller's scope. */
    Tensor batch(int[] idx);

    /** Class labels at {@code idx} (int64), or null when the data has none. */
    Tensor labels(int[] idx);

    /** The "dataset" entry of config.json's provenance: name, size, shape, a content fingerprint. */
    Map<String, Object> provenance();

    /** The images, when the data are images; null otherwise (evaluations that need pictures check it). */
    default ImageDataset images() {
        return null;
    }

    /**
     * Writes the run's view of the generated batch {@code generated} (what {@link Trainer#writeSamples} shows at
     * {@code step}) into {@code samplesDir} and returns its path: a grid of {@code columns} images by default.
     */
    Path writeView(Tensor generated, int columns, Path samplesDir, long step) throws IOException;

    /**
     * Writes what sampling from the run later needs to read generated items back (a table's fitted transformer, a
     * series' scaling) into the run folder {@code runDir}; called by the trainer when a run starts or resumes. Writes
     * atomically; nothing by default.
     */
    default void save(Path runDir) throws IOException {
    }

    /** Images as training data. */
    static TrainingData of(ImageDataset images) {
        return new ImageTrainingData(images);
    }
}
