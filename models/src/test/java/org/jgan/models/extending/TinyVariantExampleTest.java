package org.jgan.models.extending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.train.Checkpoints;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/extending.md's worked variant, run through core's {@link Trainer} on tiny generated data: it trains, writes
 * the run folder and resumes like every registered variant, with no code beyond {@link TinyGan}.
 */
class TinyVariantExampleTest {
    static final ImageDataset DATA = SyntheticData.shapes(32, 8, 3);

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /**
     * The example's preset: dcgan-ema's optimiser and EMA, a small latent and batch, a checkpoint every step. A
     * contributed variant puts such a method in core's Presets with one line {@code ALL.put("tiny", Presets::tiny)}.
     */
    static TrainConfig tiny(int steps) {
        TrainConfig c = Presets.byName("dcgan-ema");
        return c.withModel(new ModelConfig("tiny", 16, "non-saturating", 8))
                .withData(new DataConfig("synthetic", 16, true, 0))
                .withSchedule(new ScheduleConfig(0, steps, 1, steps, 1, 1, 16));
    }

    @Test
    void trainsWritesTheRunFolderAndResumes() throws Exception {
        Path run = tmp.resolve("tiny");
        Map<String, Double> stats = new HashMap<>();
        try (Trainer t = new Trainer(new TinyGan(), tiny(2), DATA, run)) {
            float[] before = generatorWeights(t);
            t.run(new TrainListener() {
                @Override
                public void stepDone(TrainState state, Map<String, Double> s) {
                    stats.putAll(s);
                }
            });
            assertEquals(2, t.state().step());
            assertFalse(Arrays.equals(before, generatorWeights(t)), "G did not change");
        }
        for (String key : List.of("Loss/D", "Loss/G")) {
            assertTrue(Double.isFinite(stats.getOrDefault(key, Double.NaN)), key + " in " + stats);
        }
        assertTrue(Files.exists(run.resolve("samples/step-000002.png")));
        assertTrue(Files.exists(run.resolve("checkpoints/step-000002").resolve(Checkpoints.EMA_FILE)));
        try (Trainer t = new Trainer(new TinyGan(), tiny(3), DATA, run)) {
            assertEquals(2, t.resume().step());
            t.run(new TrainListener() { });
            assertEquals(3, t.state().step());
        }
    }

    @Test
    void isNotInTheRegistryUntilItsLineIsAdded() {
        // The CLI finds variants through Variants only; a library user passes the instance to Trainer instead.
        assertFalse(Variants.all().containsKey(new TinyGan().name()));
    }

    /** The first weight matrix of the trainer's generator, copied out of native memory. */
    private static float[] generatorWeights(Trainer t) {
        try (StepScope s = StepScope.open()) {
            return Tensors.toFloats(t.players().generator().parameters(true).get(0));
        }
    }
}
