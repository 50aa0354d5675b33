package org.jgan.models.i2i;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.Batches;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.Players;
import org.jgan.core.train.SampleSheet;
import org.jgan.engine.StepScope;

/**
 * Sample grids of an image-to-image run: a fixed batch of training rows, chosen once from the run's seed so every grid
 * shows the same examples, rendered as columns (input, output, target, ...) side by side.
 */
public final class FixedBatchSheet implements SampleSheet {
    /** Makes the columns of the grid from the fixed rows (N x C x H x W as the data holds them). */
    @FunctionalInterface
    public interface Columns {
        List<Tensor> of(Tensor rows, GanNet generator, Players players);
    }

    private final Tensor rows;
    private final Columns columns;
    private final int perExample;

    public FixedBatchSheet(ImageDataset data, int count, long seed, int perExample, Columns columns) {
        int n = Math.min(count, data.size());
        int[] idx = new Batches(data, n, true, seed).order(0);
        try (StepScope s = StepScope.open()) {
            this.rows = s.keep(Batches.images(data, java.util.Arrays.copyOf(idx, n)));
        }
        this.columns = columns;
        this.perExample = perExample;
    }

    @Override
    public Tensor render(GanNet generator, Players players) {
        return Comparison.interleave(columns.of(rows, generator, players));
    }

    @Override
    public int columns() {
        return Comparison.columns((int) rows.size(0), perExample);
    }

    @Override
    public void close() {
        rows.close();
    }
}
