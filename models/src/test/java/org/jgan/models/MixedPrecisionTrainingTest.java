package org.jgan.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Precision;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model.precision=bfloat16} through the training loop: where the CPU has bfloat16 instructions a DCGAN trains
 * with finite losses, to other weights than in float32, and resumes bit-identically; where it has none the trainer
 * refuses the setting by name. The key is validated and kept in config.json; configs without it train in float32.
 */
class MixedPrecisionTrainingTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** TrainerTest's DCGAN at width 16, so its hidden layers (16, 32, 64 channels) take oneDNN's routes. */
    private static TrainConfig config(Precision p, long steps) {
        TrainConfig c = TrainerTest.config("dcgan", steps, 0.9);
        ModelConfig m = c.model();
        return c.withModel(new ModelConfig(m.name(), m.latentDim(), m.loss(), 16, m.dNorm(), m.condition(),
                p.label()));
    }

    @Test
    void bfloat16TrainsAndResumesExactlyOrIsRefusedByName() throws Exception {
        if (!Precision.BFLOAT16.availableHere()) {
            ConfigException e = assertThrows(ConfigException.class, () -> new Trainer(Variants.byName("dcgan"),
                    config(Precision.BFLOAT16, 4), TrainerTest.DATA, tmp.resolve("refused")));
            assertTrue(e.getMessage().contains("model.precision bfloat16") && e.getMessage().contains("float32"),
                    e.getMessage());
            return;
        }
        float[] plain;
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config(Precision.FLOAT32, 10), TrainerTest.DATA,
                tmp.resolve("f32"))) {
            t.run(new TrainListener() { });
            plain = TrainerTest.weights(t.players().discriminator());
        }
        float[] straight;
        float[] straightEma;
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config(Precision.BFLOAT16, 10), TrainerTest.DATA,
                tmp.resolve("a"))) {
            t.run(new TrainListener() { });
            straight = TrainerTest.weights(t.players().discriminator());
            straightEma = TrainerTest.weights(t.ema().net());
        }
        assertFalse(java.util.Arrays.equals(plain, straight), "bfloat16 computes otherwise than float32");
        for (float f : straight) {
            assertTrue(Float.isFinite(f));
        }
        List<String> stats = Files.readAllLines(tmp.resolve("a/stats.jsonl"));
        assertFalse(stats.isEmpty() || stats.stream().anyMatch(l -> l.contains("NaN")), stats.toString());
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config(Precision.BFLOAT16, 5), TrainerTest.DATA,
                tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config(Precision.BFLOAT16, 10), TrainerTest.DATA,
                tmp.resolve("b"))) {
            assertEquals(5, t.resume().step());
            t.run(new TrainListener() { });
            assertArrayEquals(straight, TrainerTest.weights(t.players().discriminator()));
            assertArrayEquals(straightEma, TrainerTest.weights(t.ema().net()));
        }
        assertEquals(Precision.FLOAT32, Precision.current(), "the trainer leaves the thread as it found it");
    }

    @Test
    void theKeyIsValidatedKeptAndDefaultsToFloat32() throws Exception {
        TrainConfig base = TrainerTest.config("dcgan", 4, 0);
        assertEquals("float32", base.model().precision());
        TrainConfig mixed = ConfigJson.withOverrides(base, List.of("model.precision=BFloat16"), TrainConfig.class);
        assertEquals("bfloat16", mixed.model().precision(), "names are read in any case and kept in lower case");
        assertEquals(mixed, ConfigJson.fromTree(ConfigJson.toTree(mixed), TrainConfig.class, "config.json"));
        assertEquals("bfloat16", ConfigJson.toTree(mixed).get("model").get("precision").asText());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> ConfigJson.withOverrides(base, List.of("model.precision=fp16"), TrainConfig.class));
        assertTrue(bad.getMessage().contains("model.precision") && bad.getMessage().contains("fp16"),
                bad.getMessage());
        // a config.json written before the key existed reads as float32
        com.fasterxml.jackson.databind.node.ObjectNode old = ConfigJson.toTree(mixed);
        ((com.fasterxml.jackson.databind.node.ObjectNode) old.get("model")).remove("precision");
        assertEquals("float32", ConfigJson.fromTreeWithDefaults(old, TrainConfig.dcganFashionMnist(),
                TrainConfig.class, "config.json").model().precision());
        assertEquals(mixed.model(), base.model().withPrecision(Precision.BFLOAT16));
        assertEquals(mixed, org.jgan.core.config.TrainConfigBuilder.from(base).precision("bfloat16").build());
    }
}
