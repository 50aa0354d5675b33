package org.jgan.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgan.core.config.Presets;
import org.jgan.engine.ConvRoute;
import org.jgan.engine.Convolutions;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DCGAN preset's self-check routes its image-facing convolutions (1 channel) to the reference path and its wide
 * ones to oneDNN, at the preset's batch, and every one passed its float64 check.
 */
class ModelNumericsTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @Test
    void dcganRoutesItsImageLayersOffOneDnnAndChecksEveryConvolution() {
        List<Convolutions.Entry> routes = ModelNumerics.check("dcgan");
        Convolutions.Entry conv1 = find(routes, "conv 1->64 k4x4 s2x2 p1x1 d1x1 op0x0 g1", 28);
        Convolutions.Entry conv2 = find(routes, "conv 64->128 k4x4 s2x2 p1x1 d1x1 op0x0 g1", 14);
        Convolutions.Entry up2 = find(routes, "convT 128->1 k4x4 s2x2 p1x1 d1x1 op0x0 g1", 14);
        assertEquals(ConvRoute.IM2COL, conv1.route());
        assertEquals(ConvRoute.IM2COL, up2.route());
        assertEquals(conv2.spec().blockAligned() && conv2.note().isEmpty() ? ConvRoute.LIBTORCH : ConvRoute.IM2COL,
                conv2.route());
        for (Convolutions.Entry e : routes) {
            assertTrue(e.result() != null && e.result().ok(), e.spec().key());
        }
    }

    private static Convolutions.Entry find(List<Convolutions.Entry> routes, String key, long size) {
        long batch = Presets.byName("dcgan").data().batch();
        return routes.stream().filter(e -> e.spec().key().equals(key) && e.input()[0] == batch
                && e.input()[2] == size && e.training()).findFirst().orElseThrow(() -> new AssertionError(key + " at "
                + batch + " x " + size + " not routed; routes: " + routes.stream().map(e -> e.spec().key()).toList()));
    }
}
