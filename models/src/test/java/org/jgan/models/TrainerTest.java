package org.jgan.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.GuardConfig;
import org.jgan.core.config.OptimConfig;
import org.jgan.core.config.RegConfig;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.Checkpoints;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Players;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.NativeMemory;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class TrainerTest {
    static final ImageDataset DATA = SyntheticData.shapes(64, 28, 7);

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static TrainConfig config(String model, long steps, double ema) {
        return new TrainConfig(42, new ModelConfig(model, 16, "non-saturating", 8),
                new DataConfig("synthetic", 16, true, 0),
                new OptimConfig(2e-4, 2e-4, 0.5, 0.999, ema, 1), RegConfig.none(),
                new ScheduleConfig(0, steps, 2, 3, 3, 2, 16), GuardConfig.defaults());
    }

    public static float[] weights(GanNet net) {
        return weights(net, name -> true);
    }

    /** The parameters of {@code net} whose names {@code names} accepts, flattened in registration order. */
    public static float[] weights(org.bytedeco.pytorch.Module net, java.util.function.Predicate<String> names) {
        try (StepScope s = StepScope.open()) {
            org.bytedeco.pytorch.StringTensorDict p = net.named_parameters(true);
            List<Float> all = new ArrayList<>();
            for (long i = 0; i < p.size(); i++) {
                if (!names.test(p.get(i).key().getString())) {
                    continue;
                }
                for (float f : Tensors.toFloats(p.get(i).value())) {
                    all.add(f);
                }
            }
            float[] out = new float[all.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = all.get(i);
            }
            return out;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dcgan", "vanilla"})
    void everyVariantTrainsAndWritesTheRunFolder(String model) throws Exception {
        Path run = tmp.resolve(model);
        try (Trainer t = new Trainer(Variants.byName(model), config(model, 5, 0), DATA, run)) {
            float[] before = weights(t.players().generator());
            t.run(new TrainListener() { });
            assertEquals(5, t.state().step());
            assertFalse(java.util.Arrays.equals(before, weights(t.players().generator())), "G did not change");
        }
        assertTrue(Files.exists(run.resolve("config.json")));
        List<String> lines = Files.readAllLines(run.resolve("stats.jsonl"));
        assertEquals(3, lines.size(), "log every 2 steps plus the last");
        for (String key : new String[]{"Loss/D", "Loss/G", "D/real_score", "D/fake_score", "img/s", "epoch"}) {
            assertTrue(lines.get(0).contains("\"" + key + "\""), key + " missing from " + lines.get(0));
        }
        assertFalse(lines.get(0).contains("NaN"));
        assertTrue(Files.exists(run.resolve("samples/step-000003.png")));
        assertTrue(Files.exists(run.resolve("samples/step-000005.png")));
        assertEquals(List.of("step-000003", "step-000005"),
                Checkpoints.list(run).stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void resumeGivesTheSameWeightsAsAnUninterruptedRun() throws Exception {
        // 4 batches per epoch: 6 steps cross an epoch boundary, and the resume lands mid-epoch.
        float[] straight;
        float[] straightEma;
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config("dcgan", 10, 0.9), DATA, tmp.resolve("a"))) {
            t.run(new TrainListener() { });
            straight = weights(t.players().discriminator());
            straightEma = weights(t.ema().net());
        }
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config("dcgan", 5, 0.9), DATA, tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config("dcgan", 10, 0.9), DATA, tmp.resolve("b"))) {
            assertEquals(5, t.resume().step());
            t.run(new TrainListener() { });
            assertEquals(10, t.state().step());
            assertArrayEquals(straight, weights(t.players().discriminator()));
            assertArrayEquals(straightEma, weights(t.ema().net()));
        }
    }

    /** One run per folder, refused by the trainer itself: another variant, a second new run, another run's config. */
    @Test
    void theTrainerKeepsOneRunPerFolder() throws Exception {
        GanVariant dcgan = Variants.byName("dcgan");
        var e = assertThrows(ConfigException.class, () -> new Trainer(Variants.byName("vanilla"),
                config("dcgan", 2, 0), DATA, tmp.resolve("v")));
        assertTrue(e.getMessage().contains("the variant is vanilla but the config's model.name is dcgan"),
                e.getMessage());
        Path run = tmp.resolve("r");
        try (Trainer t = new Trainer(dcgan, config("dcgan", 2, 0), DATA, run)) {
            t.run(new TrainListener() { });
        }
        String stats = Files.readString(run.resolve("stats.jsonl"));
        List<Path> checkpoints = Checkpoints.list(run);
        try (Trainer t = new Trainer(dcgan, config("dcgan", 4, 0), DATA, run)) {
            e = assertThrows(ConfigException.class, () -> t.run(new TrainListener() { }));
            assertEquals(run + " already holds a run; resume it or choose another folder", e.getMessage());
        }
        TrainConfig wider = config("dcgan", 4, 0).withModel(new ModelConfig("dcgan", 16, "non-saturating", 16));
        try (Trainer t = new Trainer(dcgan, wider, DATA, run)) {
            e = assertThrows(ConfigException.class, t::resume);
            assertTrue(e.getMessage().contains("(model.width: 8 in the run, 16 given)"), e.getMessage());
        }
        assertEquals(stats, Files.readString(run.resolve("stats.jsonl")), "a refusal touched the run");
        assertEquals(checkpoints, Checkpoints.list(run), "a refusal touched the checkpoints");
        // Longer and with lower rates, it is the same run.
        TrainConfig longer = config("dcgan", 4, 0).withOptim(new OptimConfig(1e-4, 1e-4, 0.5, 0.999, 0, 1));
        try (Trainer t = new Trainer(dcgan, longer, DATA, run)) {
            assertEquals(2, t.resume().step());
            t.run(new TrainListener() { });
            assertEquals(4, t.state().step());
        }
    }

    /**
     * The same seed gives the same weights at two threads, with R1 every other step so that the double backward runs
     * too (on a CPU where oneDNN's weight reorder races, these differed from run to run, or went NaN).
     */
    @Test
    void theSameSeedGivesTheSameWeightsAtTwoThreadsWithR1() throws Exception {
        assertEquals(2, org.jgan.engine.Torch.threads());
        TrainConfig cfg = config("dcgan", 6, 0.9).withReg(new RegConfig(0, 1.0, 2, false, 1.0, ""));
        float[][] d = new float[2][];
        float[][] g = new float[2][];
        for (int i = 0; i < 2; i++) {
            try (Trainer t = new Trainer(Variants.byName("dcgan"), cfg, DATA, tmp.resolve("seed" + i))) {
                t.run(new TrainListener() { });
                d[i] = weights(t.players().discriminator());
                g[i] = weights(t.players().generator());
            }
        }
        assertArrayEquals(d[0], d[1]);
        assertArrayEquals(g[0], g[1]);
        for (float f : d[0]) {
            assertTrue(Float.isFinite(f));
        }
    }

    @Test
    void mirroredRealImagesChangeTrainingAndStillResumeExactly() throws Exception {
        DataConfig mirrored = new DataConfig("synthetic", 16, true, 0, 0, true);
        float[] plain;
        float[] straight;
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config("dcgan", 6, 0), DATA, tmp.resolve("p"))) {
            t.run(new TrainListener() { });
            plain = weights(t.players().discriminator());
        }
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config("dcgan", 6, 0).withData(mirrored), DATA,
                tmp.resolve("a"))) {
            t.run(new TrainListener() { });
            straight = weights(t.players().discriminator());
        }
        assertFalse(java.util.Arrays.equals(plain, straight), "data.mirror made no difference to training");
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config("dcgan", 3, 0).withData(mirrored), DATA,
                tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config("dcgan", 6, 0).withData(mirrored), DATA,
                tmp.resolve("b"))) {
            assertEquals(3, t.resume().step());
            t.run(new TrainListener() { });
            assertArrayEquals(straight, weights(t.players().discriminator()), "a resumed run flipped other images");
        }
    }

    @Test
    void aTimeBudgetStopsTheRunCleanlyWithAFinalCheckpoint() throws Exception {
        // A fake clock that advances 10 s per step: a 35 s budget is used up after step 4 of 100.
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        Path run = tmp.resolve("budget");
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config("dcgan", 100, 0.9), DATA, run)) {
            t.stopAfter(new org.jgan.core.train.TimeBudget(35_000_000_000L, now::get));
            t.run(new TrainListener() {
                @Override
                public void stepDone(org.jgan.core.train.TrainState s, java.util.Map<String, Double> stats) {
                    now.addAndGet(10_000_000_000L);
                }
            });
            assertEquals(4, t.state().step());
        }
        assertEquals(List.of("step-000003", "step-000004"),
                Checkpoints.list(run).stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(Files.exists(run.resolve("samples/step-000004.png")), "a final grid");
        List<String> lines = Files.readAllLines(run.resolve("stats.jsonl"));
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"step\":4,"), "a final stats line");
        // the stop left a complete state: resuming without a budget continues from step 4
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config("dcgan", 6, 0.9), DATA, run)) {
            assertEquals(4, t.resume().step());
            t.run(new TrainListener() { });
            assertEquals(6, t.state().step());
        }
    }

    @Test
    void eachPhaseLeavesTheOtherNetworksGradientsZero() throws Exception {
        List<String> checked = new ArrayList<>();
        try (Trainer t = new Trainer(Variants.byName("dcgan"), config("dcgan", 2, 0), DATA, tmp.resolve("g"))) {
            t.observePhases((phase, players) -> {
                String other = phase.group().equals(Players.G) ? Players.D : Players.G;
                TensorVector ps = players.parameters(other);
                for (long i = 0; i < ps.size(); i++) {
                    Tensor g = ps.get(i).grad();
                    assertTrue(!g.defined() || g.abs().sum().item_double() == 0.0,
                            phase.name() + " left gradients in " + other);
                }
                checked.add(phase.name());
            });
            t.run(new TrainListener() { });
        }
        assertEquals(List.of("Dmain", "Gmain", "Dmain", "Gmain"), checked);
    }

    @Test
    void nativeMemoryStaysFlatOverManySteps() throws Exception {
        TrainConfig cfg = config("dcgan", 60, 0.99);
        cfg = cfg.withSchedule(new ScheduleConfig(0, 60, 1000, 1000, 1000, 1, 16));
        long[] live = new long[61];
        long[] rss = new long[61];
        try (Trainer t = new Trainer(Variants.byName("dcgan"), cfg, DATA, tmp.resolve("m"))) {
            t.run(new TrainListener() {
                @Override
                public void stepDone(org.jgan.core.train.TrainState s, java.util.Map<String, Double> stats) {
                    live[(int) s.step()] = NativeMemory.liveObjects();
                    rss[(int) s.step()] = NativeMemory.residentBytes();
                }
            });
        }
        // Not equality: the garbage collector may free handles made before step 10 (set-up) in between, which once
        // took the count from 680 down to 21; what must not happen is growth.
        assertTrue(live[60] <= live[10], "live native objects grew from " + live[10] + " at step 10 to " + live[60]
                + " at step 60");
        long growth = rss[60] - rss[10];
        assertTrue(growth < 64L << 20, "resident memory grew by " + (growth >> 20) + " MiB over 50 steps");
    }
}
