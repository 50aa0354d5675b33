package org.jgan.core.train;

import org.bytedeco.pytorch.Tensor;
import org.jgan.core.nn.GanNet;

/**
 * What a run's sample grids show when the generator does not start from noise: image-to-image variants keep a fixed
 * batch of inputs (and targets) and lay out input | output | target. Owns its fixed tensors.
 */
public interface SampleSheet extends AutoCloseable {
    /**
     * The images of one grid, N x C x H x W in [-1, 1], made with {@code generator} (the EMA copy when there is one)
     * and the other networks of {@code players}; called inside a scope, without gradients.
     */
    Tensor render(GanNet generator, Players players);

    /** Images per row of the grid. */
    int columns();

    @Override
    void close();
}
