package org.jgan.models.extending;

import java.util.List;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.models.TwoPlayerPhases;

/**
 * The worked example of docs/extending.md: the smallest variant that trains, one linear layer per player (the
 * two-player game of Goodfellow et al. 2014). It shows the whole contract of {@link GanVariant}: build the players,
 * build one more generator for the EMA copy, and name the phases of a step. A real variant keeps its networks in
 * files of their own in its package; they are nested here to keep the example in one place.
 */
public final class TinyGan implements GanVariant {
    @Override
    public String name() {
        return "tiny";
    }

    @Override
    public String citation() {
        return "Goodfellow et al. 2014, Generative Adversarial Nets";
    }

    @Override
    public Players build(TrainConfig config, DataShape shape, long seed) {
        // Weights keep libtorch's default initialisation; Layers.dcganInit(net, seed) would give N(0, 0.02).
        return Players.of(buildGenerator(config, shape), new Discriminator(shape));
    }

    @Override
    public GanNet buildGenerator(TrainConfig config, DataShape shape) {
        return new Generator(config.model().latentDim(), shape);
    }

    @Override
    public List<Phase> phases(TrainConfig config) {
        // D on real against detached fakes, then G against the updated D, with the configured loss and regularisers.
        return TwoPlayerPhases.of(config);
    }

    /** z -> one linear layer -> tanh, shaped as the data's images. */
    private static final class Generator extends GanNet {
        private final LinearImpl fc;
        private final DataShape shape;

        Generator(int latentDim, DataShape shape) {
            this.shape = shape;
            // Registered, so that parameters, checkpoints and the EMA copy see the layer.
            fc = register_module("fc", Layers.linear(latentDim, shape.pixels(), true));
        }

        @Override
        public Tensor forward(Tensor z, Tensor labels) {
            return torch.tanh(fc.forward(z)).view(-1, shape.channels(), shape.height(), shape.width());
        }
    }

    /** Flattened image -> one logit (logistic regression). */
    private static final class Discriminator extends GanNet {
        private final LinearImpl fc;

        Discriminator(DataShape shape) {
            fc = register_module("fc", Layers.linear(shape.pixels(), 1, true));
        }

        @Override
        public Tensor forward(Tensor x, Tensor labels) {
            return fc.forward(x.flatten(1, -1)).view(-1);
        }
    }
}
