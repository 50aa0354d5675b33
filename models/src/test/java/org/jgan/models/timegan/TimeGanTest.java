package org.jgan.models.timegan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.GuardConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.OptimConfig;
import org.jgan.core.config.RegConfig;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataException;
import org.jgan.core.data.table.Table;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.RunDir;
import org.jgan.core.train.Players;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.models.RunGenerator;
import org.jgan.models.TrainerTest;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TimeGAN's three stages through the training loop on 64 sines, windows from tables, sampling in data units. */
class TimeGanTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    /** Stages of 3 steps each, then joint steps; windows of 8 steps, 4 noise values per step. */
    static TrainConfig config(long steps) {
        TrainConfig c = new TrainConfig(3, new ModelConfig("timegan", 32, "non-saturating", 8),
                new DataConfig("sines:64", 16, true, 0), new OptimConfig(1e-3, 1e-3, 0.9, 0.999, 0, 1),
                RegConfig.none(), new ScheduleConfig(0, steps, 1, 4, 4, 2, 6), GuardConfig.defaults());
        return new TimeGanConfig(8, 2, 8, 1, 3, 3, 1.0, "", "").withChangeMoments(1.0).in(c);
    }

    static Trainer trainer(TrainConfig c, Path run) {
        GanVariant v = Variants.byName("timegan");
        return new Trainer(v, c, v.openTrainingData(c, 0), run);
    }

    @Test
    void eachStageTrainsItsOwnNetworksAndResumeIsExact() throws Exception {
        float[] straight;
        Path a = tmp.resolve("a");
        try (Trainer t = trainer(config(9), a)) {
            float[] d0 = TrainerTest.weights(t.players().discriminator());
            float[] s0 = TrainerTest.weights(t.players().net("S"));
            float[] e0 = TrainerTest.weights(t.players().net("E"));
            t.run(new TrainListener() { });
            assertFalse(java.util.Arrays.equals(e0, TrainerTest.weights(t.players().net("E"))), "E learnt");
            assertFalse(java.util.Arrays.equals(s0, TrainerTest.weights(t.players().net("S"))), "S learnt");
            assertNotEquals(0, d0.length);
            straight = TrainerTest.weights(t.players().generator());
        }
        List<String> stats = Files.readAllLines(a.resolve("stats.jsonl"));
        assertTrue(stats.get(0).contains("Loss/AE") && !stats.get(0).contains("Loss/G\""), stats.get(0));
        assertTrue(stats.get(4).contains("Loss/S") && !stats.get(4).contains("Loss/G\""), stats.get(4));
        assertTrue(stats.get(7).contains("Loss/G_moments") && stats.get(7).contains("Loss/D"), stats.get(7));
        assertTrue(stats.get(7).contains("Loss/G_changes"), "the moment loss on changes is on: " + stats.get(7));
        assertFalse(String.join("", stats).contains("NaN"));
        try (Trainer t = trainer(config(5), tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = trainer(config(9), tmp.resolve("b"))) {
            assertEquals(5, t.resume().step());
            t.run(new TrainListener() { });
            assertArrayEquals(straight, TrainerTest.weights(t.players().generator()));
        }
        try (RunGenerator g = RunGenerator.load(a, null, true)) {
            SeriesWindows w = new SeriesSampler(g, a).sample(10, 4);
            assertEquals(10, w.count());
            assertEquals(List.of("x0", "x1", "x2", "x3", "x4"), w.features());
            assertArrayEquals(w.values(), new SeriesSampler(g, a).sample(10, 4).values(),
                    "the same seed, the same windows");
        }
        assertEquals(1 + 6 * 8, Files.readAllLines(a.resolve("samples/step-000008.csv")).size());
        assertTrue(Files.isRegularFile(a.resolve("samples/step-000008.png")), "a picture of the windows");
    }

    @Test
    void theMomentLossOnChangesIsOnInThePresetOffInOldConfigsAndBadWeightsAreRefused() throws Exception {
        assertEquals(0.0, TimeGanConfig.defaults().changeMoments(), "the paper's losses");
        assertEquals(1.0, TimeGanConfig.of(TimeGanPresets.timegan()).changeMoments());
        assertEquals(0.1, TimeGanConfig.of(TimeGanPresets.timegan()).pairMoments());
        assertEquals(1.0, TimeGanConfig.of(TimeGanPresets.timegan()).aeChanges());
        RunDir dir = new RunDir(tmp.resolve("old"));
        Files.createDirectories(dir.path());
        dir.writeConfig(config(1), java.util.Map.of());
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) dir.readConfigTree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("config").get("timegan")).remove("changeMoments");
        Files.writeString(dir.configFile(), ConfigJson.MAPPER.writeValueAsString(root));
        assertEquals(0.0, TimeGanConfig.of(dir.readConfig()).changeMoments(), "a run written before the key keeps "
                + "the paper's losses, so its resume is exact");
        for (double bad : new double[] {-1, Double.NaN, 1e4}) {
            var e = assertThrows(ConfigException.class, () -> TimeGanConfig.defaults().withChangeMoments(bad));
            assertTrue(e.getMessage().contains("timegan.changeMoments must be in 0..1000"), e.getMessage());
        }
    }

    @Test
    void theOptionalLossesAreOffInOldConfigsAndBadWeightsAreRefused() throws Exception {
        assertEquals(0.0, TimeGanConfig.defaults().pairMoments(), "the paper's losses");
        assertEquals(0.0, TimeGanConfig.defaults().aeChanges(), "the paper's losses");
        RunDir dir = new RunDir(tmp.resolve("old-pairs"));
        Files.createDirectories(dir.path());
        dir.writeConfig(TimeGanConfig.of(config(1)).withPairMoments(0.5).withAeChanges(3).withDataAdversary(2)
                .in(config(1)), java.util.Map.of());
        assertEquals(2.0, TimeGanConfig.of(dir.readConfig()).dataAdversary(), "the weight is saved with the run");
        assertEquals(0.5, TimeGanConfig.of(dir.readConfig()).pairMoments(), "the weight is saved with the run");
        assertEquals(3.0, TimeGanConfig.of(dir.readConfig()).aeChanges(), "the weight is saved with the run");
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) dir.readConfigTree();
        var section = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("config").get("timegan");
        section.remove("pairMoments");
        section.remove("aeChanges");
        section.remove("dataAdversary");
        Files.writeString(dir.configFile(), ConfigJson.MAPPER.writeValueAsString(root));
        assertEquals(0.0, TimeGanConfig.of(dir.readConfig()).pairMoments(), "a run written before the key keeps "
                + "its losses, so its resume is exact");
        assertEquals(0.0, TimeGanConfig.of(dir.readConfig()).aeChanges());
        assertEquals(0.0, TimeGanConfig.of(dir.readConfig()).dataAdversary(), "no data-space adversary: the run's "
                + "checkpoints hold none");
        for (double bad : new double[] {-1, Double.NaN, 1e4}) {
            var e = assertThrows(ConfigException.class, () -> TimeGanConfig.defaults().withPairMoments(bad));
            assertTrue(e.getMessage().contains("timegan.pairMoments must be in 0..1000"), e.getMessage());
            e = assertThrows(ConfigException.class, () -> TimeGanConfig.defaults().withAeChanges(bad));
            assertTrue(e.getMessage().contains("timegan.aeChanges must be in 0..1000"), e.getMessage());
        }
    }

    @Test
    void theDataAdversaryTrainsBesideTheLatentOneAndResumesExactly() throws Exception {
        TrainConfig c = TimeGanConfig.of(config(9)).withDataAdversary(1).in(config(9));
        float[] straight;
        try (Trainer t = trainer(c, tmp.resolve("a"))) {
            float[] dx0 = TrainerTest.weights(t.players().net(TimeGan.DATA_D));
            t.run(new TrainListener() { });
            assertFalse(java.util.Arrays.equals(dx0, TrainerTest.weights(t.players().net(TimeGan.DATA_D))),
                    "the data-space adversary learnt");
            assertTrue(t.players().groups().get(Players.D).contains(TimeGan.DATA_D), "it steps with D");
            straight = TrainerTest.weights(t.players().generator());
        }
        List<String> stats = Files.readAllLines(tmp.resolve("a/stats.jsonl"));
        assertTrue(stats.get(7).contains("Loss/G_x") && stats.get(7).contains("Loss/D_x"), stats.get(7));
        assertFalse(stats.get(3).contains("Loss/G_x"), "not before the joint stage: " + stats.get(3));
        try (Trainer t = trainer(TimeGanConfig.of(config(5)).withDataAdversary(1).in(config(5)), tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = trainer(c, tmp.resolve("b"))) {
            assertEquals(5, t.resume().step());
            t.run(new TrainListener() { });
            assertArrayEquals(straight, TrainerTest.weights(t.players().generator()));
        }
        try (Trainer t = trainer(config(1), tmp.resolve("off"))) {
            assertFalse(t.players().nets().containsKey(TimeGan.DATA_D), "off by default, as the paper");
        }
        assertEquals(0.0, TimeGanConfig.defaults().dataAdversary());
        assertEquals(1.0, TimeGanConfig.of(TimeGanPresets.timegan()).dataAdversary());
        for (double bad : new double[] {-1, Double.NaN, 1e4}) {
            var e = assertThrows(ConfigException.class, () -> TimeGanConfig.defaults().withDataAdversary(bad));
            assertTrue(e.getMessage().contains("timegan.dataAdversary must be in 0..1000"), e.getMessage());
        }
    }

    @Test
    void theAutoencodersLossOnChangesSeesJitterAndNotAnOffset() {
        try (org.jgan.engine.StepScope s = org.jgan.engine.StepScope.open()) {
            // the same squared error twice: a constant offset of 0.1 (changes exact) and +-0.1 alternating (changes
            // off by 0.2 every step); the paper's loss cannot tell them apart, the changes' term only sees the second
            Tensor x = torch.rand(8, 10, 3);
            Tensor offset = x.add(new org.bytedeco.pytorch.Scalar(0.1));
            float[] sign = new float[8 * 10 * 3];
            for (int i = 0; i < sign.length; i++) {
                sign[i] = (i / 3) % 2 == 0 ? 0.1f : -0.1f;
            }
            Tensor jitter = x.add(Tensors.fromFloats(sign, 8, 10, 3));
            TimeGanConfig paper = TimeGanConfig.defaults();
            TimeGanConfig changes = paper.withAeChanges(0.5);
            double paperOffset = TimeGanLosses.reconstruction(offset, x, paper, null).item_double();
            assertEquals(1.0, paperOffset, 1e-5, "10 sqrt(0.01)");
            assertEquals(paperOffset, TimeGanLosses.reconstruction(jitter, x, paper, null).item_double(), 1e-5);
            assertEquals(1.0, TimeGanLosses.reconstruction(offset, x, changes, null).item_double(), 1e-4,
                    "an offset keeps every change");
            assertEquals(1.0 + 0.5 * 10 * 0.2, TimeGanLosses.reconstruction(jitter, x, changes, null)
                    .item_double(), 1e-4, "10 sqrt(0.04) of the changes, at weight 0.5");
        }
    }

    @Test
    void thePairLossIsZeroForTheRealWindowsAndSeesFeaturesThatMoveAsOne() {
        try (org.jgan.engine.StepScope s = org.jgan.engine.StepScope.open()) {
            // three independent random walks (pair r near 0), and the same windows with every feature a copy of the
            // first (pair r 1): the per-step moments of the copy are close to real, the pairs are not
            Tensor x = torch.randn(256, 12, 3).cumsum(1);
            Tensor copies = x.narrow(2, 0, 1).expand(256, 12, 3).contiguous();
            assertEquals(0.0, TimeGanLosses.pairs(x, x).item_double(), 1e-6);
            double r = TimeGanLosses.pairs(copies, x).item_double();
            assertTrue(r > 0.7, "copies of one feature go together with r near 1, the real walks near 0: " + r);
            // by hand for two features: real r = 0 (x and y independent signs), generated cov(x, x) / (sx sy) = 1
            Tensor real = Tensors.fromFloats(new float[] {1, 1, -1, 1, 1, -1, -1, -1}, 4, 1, 2);
            Tensor fake = Tensors.fromFloats(new float[] {1, 1, -1, -1, 1, 1, -1, -1}, 4, 1, 2);
            assertEquals(1.0, TimeGanLosses.pairs(fake, real).item_double(), 1e-5);
            assertEquals(0.0, TimeGanLosses.pairs(torch.zeros(4, 1, 1), torch.zeros(4, 1, 1)).item_double(), 0,
                    "one feature has no pairs");
        }
    }

    @Test
    void theMomentLossIsZeroForTheRealWindowsAndSeesFlatOnes() {
        try (org.jgan.engine.StepScope s = org.jgan.engine.StepScope.open()) {
            // 64 windows of a random walk, and flat windows at each one's mean: the value moments barely differ
            Tensor x = torch.randn(64, 12, 2).cumsum(1);
            Tensor flat = x.mean(new long[] {1}, true, new ScalarTypeOptional()).expand(64, 12, 2).contiguous();
            assertEquals(0.0, TimeGanLosses.moments(x, x).item_double(), 1e-6);
            Tensor dx = x.narrow(1, 1, 11).sub(x.narrow(1, 0, 11));
            Tensor dFlat = flat.narrow(1, 1, 11).sub(flat.narrow(1, 0, 11));
            double changes = TimeGanLosses.moments(dFlat, dx).item_double();
            assertTrue(changes > 0.5, "flat windows miss the changes' spread of about 1: " + changes);
        }
    }

    @Test
    void windowsAreCutFromEachSeriesOfALongTable() throws Exception {
        Path csv = tmp.resolve("long.csv");
        StringBuilder sb = new StringBuilder("id,t,v,w\n");
        for (String id : new String[]{"p", "q"}) {
            for (int t = 11; t >= 0; t--) {  // out of order: the time column sorts them
                sb.append(id).append(',').append(t).append(',').append(id.equals("p") ? t : 100 + t).append(',')
                        .append(t * 0.5).append('\n');
            }
        }
        Files.writeString(csv, sb);
        TimeGanConfig c = new TimeGanConfig(8, 2, 10, 1, 1, 1, 1, "id", "t");
        SeriesWindows w = SeriesWindows.fromTable(Table.readCsv(csv), csv.toString(), c);
        assertEquals(List.of("v", "w"), w.features());
        assertEquals(6, w.count(), "3 windows of 10 steps in each series of 12 rows");
        assertEquals(1f, w.values()[2], "window 1 of p starts at t = 1");
        assertEquals(100f, w.values()[3 * 10 * 2], "q's windows never mix with p's rows");
        var e = assertThrows(DataException.class, () -> SeriesWindows.fromTable(Table.readCsv(csv), "f",
                new TimeGanConfig(8, 2, 13, 1, 1, 1, 1, "id", "t")));
        assertTrue(e.getMessage().contains("fewer than 2 windows of 13 steps"), e.getMessage());
    }
}
