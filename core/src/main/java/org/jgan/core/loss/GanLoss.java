package org.jgan.core.loss;

import org.bytedeco.pytorch.Tensor;

/**
 * An adversarial loss, as a pair of objectives on discriminator logits: the discriminator minimises
 * {@link #discriminator}, the generator minimises {@link #generator}. Both return scalar means over the batch.
 */
public interface GanLoss {
    /** The name used in configs and on the command line. */
    String name();

    Tensor discriminator(Tensor realLogits, Tensor fakeLogits);

    Tensor generator(Tensor fakeLogits);
}
