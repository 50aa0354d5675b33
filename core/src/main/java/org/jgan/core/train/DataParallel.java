package org.jgan.core.train;

import org.bytedeco.pytorch.Tensor;

/**
 * Data-parallel training (as PyTorch's DistributedDataParallel, Li et al. 2020): {@code world} trainers with the same
 * networks and seed each take rows {@code [rank * b, (rank + 1) * b)} of every global batch of
 * {@code data.batch = world * b} (the indices and the latent batch are drawn for the whole global batch on every
 * worker, then sliced), and after every backward pass the gradients are averaged across the workers by {@link #sync}
 * before the optimizer steps. Every worker so takes the same step, the one a single trainer takes on the whole global
 * batch, for networks whose loss is a mean over the batch and that hold no per-batch statistics (batch norm normalises
 * each worker's slice on its own).
 *
 * @param rank  this worker, 0 .. world - 1; worker 0 alone writes the run folder
 * @param world number of workers
 * @param sync  averages one flat tensor of gradients across the workers, in place
 */
public record DataParallel(int rank, int world, GradientSync sync) {
    public DataParallel {
        if (world < 1 || rank < 0 || rank >= world) {
            throw new IllegalArgumentException("rank " + rank + " of " + world + " workers");
        }
    }

    /** Averages a flat tensor across the workers, in place (an all-reduce sum divided by the world size). */
    @FunctionalInterface
    public interface GradientSync {
        void average(Tensor flat);
    }

    /** Refuses a global batch ({@code data.batch}) that the workers cannot share equally. */
    void checkBatch(int batch) {
        if (batch % world != 0) {
            throw new org.jgan.core.config.ConfigException("data.batch (" + batch + ") must be a multiple of the "
                    + world + " data-parallel workers: each takes an equal slice of every batch");
        }
    }

    /** This worker's rows of a global batch of {@code idx.length} indices; it must divide by the world size. */
    int[] slice(int[] idx) {
        if (idx.length % world != 0) {
            throw new IllegalStateException("a global batch of " + idx.length + " does not split over " + world
                    + " workers; data.batch must be a multiple of the worker count");
        }
        int b = idx.length / world;
        return java.util.Arrays.copyOfRange(idx, rank * b, (rank + 1) * b);
    }
}
