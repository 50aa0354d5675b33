package org.jgan.core.train;

import java.util.List;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;

/**
 * A kind of GAN: how to build its networks and which phases a training step has. A variant never runs backward,
 * steps optimizers or writes files; the {@link Trainer} does all of that, the same way for every variant.
 */
public interface GanVariant {
    /** The registry name, e.g. "dcgan". */
    String name();

    /** One line naming the paper, shown in --help and config.json. */
    String citation();

    /** Builds freshly initialised networks for images of {@code shape}, seeded by {@code seed}. */
    Players build(TrainConfig config, DataShape shape, long seed);

    /** Builds one more generator of the same architecture (the EMA copy); weights are overwritten by the caller. */
    GanNet buildGenerator(TrainConfig config, DataShape shape);

    /** True when the generator takes class labels; sample grids then show one class per column. */
    default boolean conditional() {
        return false;
    }

    /** The phases of one training step. */
    List<Phase> phases(TrainConfig config);
}
