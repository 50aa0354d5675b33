package org.jgan.metrics.classifier;

import java.util.SplittableRandom;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.Batches;
import org.jgan.core.train.Seeds;

/**
 * Draws the {@link ExtraData} part of each batch from its own shuffled passes and random streams, so that the main
 * set's batches are untouched by it, and computes the combined loss on one forward pass (batch norm sees both parts,
 * as it will at test time see images of either kind).
 */
final class ExtraBatches {
    private final ExtraData extra;
    private final Batches batches;
    private final long seed;
    private long epoch;
    private int next;
    private int[] order;
    private SplittableRandom aug;

    ExtraBatches(ExtraData extra, long seed) {
        this.extra = extra;
        this.seed = seed;
        this.batches = new Batches(extra.data(), extra.perBatch(), true, seed);
        startEpoch();
    }

    private void startEpoch() {
        order = batches.order(epoch);
        aug = new SplittableRandom(Seeds.derive(seed, "augment", epoch));
        next = 0;
    }

    /** Mean cross-entropy on the main images {@code x} (labels {@code y}) plus the weighted one on the next extras. */
    Tensor loss(ClassifierNet net, Tensor x, Tensor y) {
        if (next == batches.batchesPerEpoch()) {
            epoch++;
            startEpoch();
        }
        int[] idx = batches.indices(order, next++);
        Tensor xe = ClassifierTraining.augmented(extra.data(), idx, aug);
        Tensor logits = net.forward(torch.cat(new TensorVector(x, xe), 0));
        long n = x.size(0);
        Tensor main = torch.cross_entropy_loss(logits.narrow(0, 0, n), y);
        Tensor more = torch.cross_entropy_loss(logits.narrow(0, n, xe.size(0)), Batches.labels(extra.data(), idx));
        return main.add(more.mul(new Scalar(extra.weight())));
    }
}
