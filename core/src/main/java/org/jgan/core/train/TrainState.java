package org.jgan.core.train;

/**
 * The counters a checkpoint carries besides weights and optimizer state. With {@link Seeds} deriving all randomness
 * from (seed, step) and {@code Batches} deriving the data order from (seed, epoch), these counters are the whole RNG
 * state: a resumed run replays exactly.
 *
 * @param step         generator steps done since the start of the run
 * @param epoch        whole epochs done
 * @param batchInEpoch batches of the current epoch already used
 */
public record TrainState(long step, long epoch, int batchInEpoch) {
    public static TrainState start() {
        return new TrainState(0, 0, 0);
    }
}
