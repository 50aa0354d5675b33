package org.jgan.core.train;

import org.jgan.core.data.Batches;

/**
 * Where training is in the data: epoch, batch within the epoch, and that epoch's seeded order. Advancing past the
 * last batch starts the next epoch's order.
 */
final class BatchCursor {
    private final Batches batches;
    private long epoch;
    private int batch;
    private int[] order;

    BatchCursor(Batches batches, long epoch, int batch) {
        this.batches = batches;
        this.epoch = epoch;
        this.batch = batch;
        this.order = batches.order(epoch);
    }

    /** The indices of the next batch; advances the position. */
    int[] next() {
        int[] idx = batches.indices(order, batch);
        batch++;
        if (batch >= batches.batchesPerEpoch()) {
            epoch++;
            batch = 0;
            order = batches.order(epoch);
        }
        return idx;
    }

    long epoch() {
        return epoch;
    }

    int batch() {
        return batch;
    }

    /** Progress in epochs, e.g. 2.5 halfway through the third epoch. */
    double epochProgress() {
        return epoch + (double) batch / batches.batchesPerEpoch();
    }
}
