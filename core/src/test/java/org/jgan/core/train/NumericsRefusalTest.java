package org.jgan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.nn.ConvLayer;
import org.jgan.core.nn.GanNet;
import org.jgan.core.nn.Layers;
import org.jgan.engine.ConvSpec;
import org.jgan.engine.NumericsException;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A convolution that failed its check is reported with the layers of that shape, by network and module name. */
class NumericsRefusalTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    static final class Net extends GanNet {
        final ConvLayer conv1 = register_module("conv1", Layers.conv(1, 8, 4, 2, 1, true));
        final ConvLayer up = register_module("up", Layers.convT(8, 3, 4, 2, 1, 0, false));

        @Override
        public Tensor forward(Tensor input, Tensor labels) {
            return up.forward(conv1.forward(input));
        }
    }

    static ConvSpec spec(long in, long out, boolean transposed) {
        return new ConvSpec(in, out, new long[]{4, 4}, new long[]{2, 2}, new long[]{1, 1}, new long[]{1, 1},
                new long[]{0, 0}, 1, transposed);
    }

    @Test
    void namesTheLayersOfTheFailedShape() {
        try (Net d = new Net(); Net g = new Net()) {
            NumericsException e = NumericsRefusal.naming(new NumericsException("conv failed", spec(1, 8, false)),
                    Map.of("D", d));
            assertEquals("refusing to train, layer D.conv1: conv failed", e.getMessage());
            e = NumericsRefusal.naming(new NumericsException("convT failed", spec(8, 3, true)), Map.of("G", g));
            assertTrue(e.getMessage().contains("layer G.up: "), e.getMessage());
        }
    }
}
