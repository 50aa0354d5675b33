package org.jgan.core.train;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.pytorch.Tensor;

/**
 * What a variant's networks take beside z and the images: class labels (Mirza and Osindero 2014), the word ids of a
 * caption (Reed et al. 2016), ... The trainer asks it for the condition of every real batch and of the fixed sample
 * view and hands that tensor to the networks as it is, so the loop, checkpoints and sample grids never depend on the
 * condition's kind. A variant makes one from its training data ({@link GanVariant#conditioning}).
 *
 * <p>Tensors it returns belong to the caller's scope. Plain Java state only: nothing here needs closing.
 */
public interface Conditioning {
    /** The condition of the training images at {@code idx} (indices into the training data), in the caller's scope. */
    Tensor batch(int[] idx);

    /**
     * The rows a training step takes and their condition, given the rows {@code idx} the data order offers and a
     * seed drawn for this batch: those rows and {@link #batch} by default. A conditioning that chooses the condition
     * first and then real rows that match it (CTGAN's training-by-sampling, Xu et al. 2019) overrides this; it must
     * draw only from {@code seed}, so a resumed run takes the same rows.
     */
    default ConditionedRows draw(int[] idx, long seed) {
        return new ConditionedRows(idx, batch(idx));
    }

    /** The conditions of the {@code n} images of the run's fixed sample view, the same for the whole run. */
    Tensor fixed(int n);

    /** Columns of the fixed view's grid of {@code n} images (one class per column, one prompt per row...). */
    int columns(int n);

    /**
     * Writes what sampling from the run later needs besides the weights (a vocabulary, the prompts of the fixed view)
     * into the run folder {@code runDir}; called by the trainer when a run starts or resumes. Writes atomically.
     */
    default void save(Path runDir) throws IOException {
    }
}
