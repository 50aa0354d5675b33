package org.jgan.models.i2i;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.Presets;
import org.jgan.core.config.TrainConfig;
import org.jgan.models.Variants;
import org.junit.jupiter.api.Test;

/** The directions each image-to-image variant has a network for, which decide where a cycle figure exists. */
class DirectionsTest {
    static List<String> directions(String model, String... sets) {
        TrainConfig c = ConfigJson.withOverrides(Presets.byName(model), List.of(sets), TrainConfig.class);
        return ((ImageToImage) Variants.byName(model)).directions(c);
    }

    @Test
    void onlyCycleGanHasBothDirections() {
        assertEquals(List.of("AtoB", "BtoA"), directions("cyclegan"));
        assertEquals(List.of("AtoB"), directions("pix2pix"));
        assertEquals(List.of("BtoA"), directions("pix2pix", "i2i.direction=BtoA"), "the direction it was trained for");
        assertEquals(List.of("AtoB"), directions("srgan"));
        assertEquals("BtoA", ImageToImage.opposite("AtoB"));
        assertEquals("AtoB", ImageToImage.opposite("BtoA"));
    }
}
