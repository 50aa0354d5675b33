package org.jgan.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetiredPresetsTest {
    private static TrainConfig rebuilt(String name) {
        return ConfigJson.withOverrides(Presets.byName("dcgan"), Presets.retiredSettings(name), TrainConfig.class);
    }

    @Test
    void aRetiredPresetNamesItsSettingsAndTheyRebuildIt() {
        for (String name : List.of("wgan-gp", "sngan")) {
            assertFalse(Presets.names().contains(name), name);
            ConfigException e = assertThrows(ConfigException.class, () -> Presets.byName(name));
            assertTrue(e.getMessage().contains("'" + name + "' was retired"), e.getMessage());
            for (String set : Presets.retiredSettings(name)) {
                assertTrue(e.getMessage().contains(set), e.getMessage());
            }
            e = assertThrows(ConfigException.class, () -> TrainConfigBuilder.forModel(name));
            assertTrue(e.getMessage().contains("retired"), e.getMessage());
        }
        // The settings give exactly what the presets were (Gulrajani et al. 2017; Miyato et al. 2018).
        TrainConfig w = rebuilt("wgan-gp");
        assertEquals("dcgan", w.model().name());
        assertEquals("wasserstein", w.model().loss());
        assertEquals("none", w.model().dNorm());
        assertEquals(new OptimConfig(1e-4, 1e-4, 0.0, 0.9, 0, 5), w.optim());
        assertEquals(10.0, w.reg().gpWeight());
        assertFalse(w.reg().spectralNorm());
        TrainConfig s = rebuilt("sngan");
        assertEquals("hinge", s.model().loss());
        assertEquals("none", s.model().dNorm());
        assertEquals(new OptimConfig(1e-4, 4e-4, 0.5, 0.999, 0, 1), s.optim());
        assertTrue(s.reg().spectralNorm());
        assertEquals(0.0, s.reg().gpWeight());
        DataConfig d = Presets.byName("dcgan").data();
        assertEquals(new DataConfig(d.source(), 64, d.dropLast(), d.limit(), d.perClass(), d.mirror()), s.data());
        assertEquals(s.data(), w.data());
    }

    @Test
    void anUnknownPresetStillListsTheLiveOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> Presets.byName("sngann"));
        assertTrue(e.getMessage().contains("unknown preset 'sngann'") && e.getMessage().contains("dcgan-ema"),
                e.getMessage());
        assertEquals(null, Presets.retiredSettings("dcgan"));
    }
}
