package org.jgan.core.train;

/**
 * The counters a checkpoint carries besides weights and optimizer state. With {@link Seeds} deriving all randomness
 * from (seed, step) and the data order from (seed, epoch), these counters are the whole RNG state: a resumed run
 * replays exactly.
 *
 * @param step         generator steps done since the start of the run
 * @param epoch        whole epochs done
 * @param batchInEpoch batches of the current epoch already used
 * @param lrScale      product of the learning-rate cuts made by rollbacks (1 when none)
 * @param rollbacks    rollbacks so far
 */
public record TrainState(long step, long epoch, int batchInEpoch, double lrScale, int rollbacks) {
    public TrainState {
        // Checkpoints from before these counters existed read them as 0.
        lrScale = lrScale > 0 ? lrScale : 1.0;
    }

    public TrainState(long step, long epoch, int batchInEpoch) {
        this(step, epoch, batchInEpoch, 1.0, 0);
    }

    public static TrainState start() {
        return new TrainState(0, 0, 0);
    }

    public TrainState withRollback(double factor) {
        return new TrainState(step, epoch, batchInEpoch, lrScale * factor, rollbacks + 1);
    }
}
