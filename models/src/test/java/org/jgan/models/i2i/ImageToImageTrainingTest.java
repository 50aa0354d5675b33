package org.jgan.models.i2i;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DemoTasks;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.Players;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trains pix2pix, CycleGAN and SRGAN a few steps each on tiny generated data through the one training loop: finite
 * losses, the run folder with every network's checkpoint, comparison grids; exact resume (CycleGAN with its history
 * pools and learning-rate decay; pix2pix with dropout); gradient isolation between the groups; and clear errors for
 * data a variant cannot use.
 */
class ImageToImageTrainingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ImageDataset PAIRS = DemoTasks.edgesToGarment(SyntheticData.shapes(32, 16, 1), "pairs");
    static final ImageDataset UNPAIRED = DemoTasks.classToClass(SyntheticData.shapes(48, 16, 2), 1, 2, 3, "unpaired");
    static final ImageDataset SINGLES = SyntheticData.shapes(32, 16, 4);

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    static TrainConfig config(String model, long steps, ImageToImageConfig i2i) {
        TrainConfig base = Presets.byName(model);
        ModelConfig m = base.model();
        return i2i.in(base.withModel(new ModelConfig(model, 16, m.loss(), 4, m.dNorm(), m.condition()))
                .withData(new DataConfig("synthetic", 4, true, 0))
                .withSchedule(new ScheduleConfig(0, steps, 1, 2, 2, 3, 4)));
    }

    static TrainConfig config(String model, long steps) {
        ImageToImageConfig d = ImageToImageConfig.of(Presets.byName(model));
        return config(model, steps, new ImageToImageConfig(d.direction(), d.lambdaL1(), d.lambdaCycle(),
                d.lambdaIdentity(), 3, d.lrDecayFrom(), 1, 2, d.featureNet(), d.featureWeight(), d.pixelWeight(),
                d.advWeight(), 0, 0, false));
    }

    static ImageDataset dataFor(String model) {
        return switch (model) {
            case "pix2pix" -> PAIRS;
            case "cyclegan" -> UNPAIRED;
            default -> SINGLES;
        };
    }

    static float[] weights(GanNet net) {
        try (StepScope s = StepScope.open()) {
            List<Float> all = new ArrayList<>();
            for (TensorVector v : List.of(net.parameters(true), net.buffers(true))) {
                for (long i = 0; i < v.size(); i++) {
                    for (float f : Tensors.toFloats(v.get(i))) {
                        all.add(f);
                    }
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
    @ValueSource(strings = {"pix2pix", "cyclegan", "srgan"})
    void trainsAFewStepsWithFiniteLosses(String model) throws Exception {
        Path run = tmp.resolve(model);
        try (Trainer t = new Trainer(Variants.byName(model), config(model, 3), dataFor(model), run)) {
            float[] before = weights(t.players().generator());
            t.run(new TrainListener() { });
            assertFalse(java.util.Arrays.equals(before, weights(t.players().generator())), "G did not change");
        }
        List<String> lines = Files.readAllLines(run.resolve("stats.jsonl"));
        assertEquals(3, lines.size());
        JsonNode last = JSON.readTree(lines.get(2));
        String extra = switch (model) {
            case "pix2pix" -> "Loss/G/L1";
            case "cyclegan" -> "Loss/G/cycle";
            default -> "Loss/G/pixel";
        };
        for (String k : new String[]{"Loss/D", "Loss/G", "D/real_score", "D/fake_score", extra}) {
            assertTrue(last.has(k), k + " missing from " + last);
            assertTrue(Double.isFinite(last.get(k).asDouble()), k + " is " + last.get(k));
        }
        List<String> files = Files.list(run.resolve("checkpoints/step-000003")).map(p -> p.getFileName()
                .toString()).sorted().toList();
        List<String> expected = switch (model) {
            case "cyclegan" -> List.of("D.pt", "D_A.pt", "G.pt", "G_BA.pt", "opt-D.pt", "opt-G.pt", "pool_A.pt",
                    "pool_B.pt", "state.json");
            default -> List.of("D.pt", "G.pt", "opt-D.pt", "opt-G.pt", "state.json");
        };
        assertEquals(expected, files);
        // 4 examples of 3 (pix2pix), 6 (cyclegan) or 4 (srgan) columns, 16-pixel cells plus 2-pixel borders
        int cols = switch (model) {
            case "pix2pix" -> 3;
            case "cyclegan" -> 6;
            default -> 4;
        };
        var grid = javax.imageio.ImageIO.read(run.resolve("samples/step-000003.png").toFile());
        assertEquals(cols * 18 + 2, grid.getWidth());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pix2pix", "cyclegan", "srgan"})
    void nativeMemoryStaysFlat(String model) throws Exception {
        TrainConfig c = config(model, 25).withSchedule(new ScheduleConfig(0, 25, 1000, 1000, 1000, 1, 4));
        long[] live = new long[26];
        try (Trainer t = new Trainer(Variants.byName(model), c, dataFor(model), tmp.resolve(model))) {
            t.run(new TrainListener() {
                @Override
                public void stepDone(org.jgan.core.train.TrainState s, Map<String, Double> stats) {
                    live[(int) s.step()] = org.jgan.engine.NativeMemory.liveObjects();
                }
            });
        }
        // No step may add live objects (the count can drop when the GC frees the set-up's leftovers).
        for (int k = 6; k <= 25; k++) {
            assertTrue(live[k] <= live[k - 1], "live native objects grew at step " + k + ": "
                    + java.util.Arrays.toString(live));
        }
    }

    @Test
    void cycleganResumesExactlyWithItsPoolsAndDecay() throws Exception {
        TrainConfig four = config("cyclegan", 4);
        Map<String, float[]> straight = new java.util.HashMap<>();
        try (Trainer t = new Trainer(Variants.byName("cyclegan"), four, UNPAIRED, tmp.resolve("a"))) {
            t.run(new TrainListener() { });
            t.players().nets().forEach((k, v) -> straight.put(k, weights(v)));
        }
        try (Trainer t = new Trainer(Variants.byName("cyclegan"), four.withSchedule(new ScheduleConfig(0, 2, 1, 2, 2,
                3, 4)), UNPAIRED, tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = new Trainer(Variants.byName("cyclegan"), four, UNPAIRED, tmp.resolve("b"))) {
            assertEquals(2, t.resume().step());
            t.run(new TrainListener() { });
            for (var e : t.players().nets().entrySet()) {
                assertArrayEquals(straight.get(e.getKey()), weights(e.getValue()), e.getKey() + " differs");
            }
        }
        // with 4 planned steps and lrDecayFrom 0.5, steps 2 and 3 ran at 1 and 1/2 of 2e-4
        List<String> lines = Files.readAllLines(tmp.resolve("a/stats.jsonl"));
        assertEquals(2e-4, JSON.readTree(lines.get(2)).get("lr/G").asDouble(), 1e-12);
        assertEquals(1e-4, JSON.readTree(lines.get(3)).get("lr/G").asDouble(), 1e-12);
    }

    @Test
    void pix2pixResumesExactlyWithDropout() throws Exception {
        // 64x64 gives a U-Net of depth 6, whose level-4 decoder applies dropout
        ImageDataset big = DemoTasks.edgesToGarment(SyntheticData.shapes(8, 64, 5), "big");
        TrainConfig three = config("pix2pix", 3);
        three = three.withModel(new ModelConfig("pix2pix", 16, "non-saturating", 2));
        float[] straight;
        try (Trainer t = new Trainer(Variants.byName("pix2pix"), three, big, tmp.resolve("a"))) {
            assertEquals(6, ((UNetGenerator) t.players().generator()).depth());
            t.run(new TrainListener() { });
            straight = weights(t.players().generator());
        }
        try (Trainer t = new Trainer(Variants.byName("pix2pix"), three.withSchedule(new ScheduleConfig(0, 1, 1, 2, 2,
                3, 4)), big, tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = new Trainer(Variants.byName("pix2pix"), three, big, tmp.resolve("b"))) {
            t.resume();
            t.run(new TrainListener() { });
            assertArrayEquals(straight, weights(t.players().generator()));
        }
    }

    @Test
    void eachPhaseLeavesTheOtherGroupsGradientsZero() throws Exception {
        List<String> checked = new ArrayList<>();
        try (Trainer t = new Trainer(Variants.byName("cyclegan"), config("cyclegan", 1), UNPAIRED,
                tmp.resolve("g"))) {
            t.observePhases((phase, players) -> {
                String other = phase.group().equals(Players.G) ? Players.D : Players.G;
                TensorVector ps = players.parameters(other);
                for (long i = 0; i < ps.size(); i++) {
                    Tensor g = ps.get(i).grad();
                    assertTrue(!g.defined() || g.abs().sum().item_double() == 0.0,
                            phase.name() + " left gradients in " + other);
                }
                checked.add(phase.name() + ":" + players.groups().get(phase.group()));
            });
            t.run(new TrainListener() { });
        }
        assertEquals(List.of("Dmain:[D, D_A]", "Gmain:[G, G_BA]"), checked);
    }

    @Test
    void variantsRejectDataTheyCannotUse() {
        assertRejects("pix2pix", UNPAIRED, "pix2pix trains on aligned pairs, but unpaired is unpaired");
        assertRejects("pix2pix", SINGLES, "holds single images");
        assertRejects("cyclegan", SINGLES, "cyclegan trains on two domains, but synthetic-shapes holds single images");
        assertRejects("srgan", PAIRS, "srgan trains on single high-resolution images");
        assertRejects("dcgan", PAIRS, "dcgan trains on single images, but pairs holds image pairs");
        ImageDataset odd = SyntheticData.shapes(8, 18, 1);
        ConfigException e = assertThrows(ConfigException.class, () -> new Trainer(Variants.byName("srgan"),
                ImageToImageConfig.of(Presets.byName("srgan")).in(config("srgan", 1)), odd, tmp.resolve("x")));
        assertTrue(e.getMessage().contains("srgan x4 needs image sides that are multiples of 4"), e.getMessage());
    }

    void assertRejects(String model, ImageDataset data, String message) {
        TrainConfig c = model.equals("dcgan") ? TrainConfig.dcganFashionMnist().withData(new DataConfig("x", 4, true,
                0)) : config(model, 1);
        ConfigException e = assertThrows(ConfigException.class, () -> new Trainer(Variants.byName(model), c, data,
                tmp.resolve(model)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void cropsFlipsAndNonSquareImagesTrain() throws Exception {
        ImageToImageConfig d = ImageToImageConfig.of(config("pix2pix", 2));
        ImageToImageConfig jitter = new ImageToImageConfig(d.direction(), d.lambdaL1(), d.lambdaCycle(),
                d.lambdaIdentity(), 3, d.lrDecayFrom(), 1, 2, "none", 1, 1, 1e-3, 0, 12, true);
        try (Trainer t = new Trainer(Variants.byName("pix2pix"), config("pix2pix", 2, jitter), PAIRS,
                tmp.resolve("crop"))) {
            assertEquals(3, ((UNetGenerator) t.players().generator()).depth(), "sized to the 12-pixel crop");
            t.run(new TrainListener() { });
        }
        // CycleGAN on 16 x 24 images: the pools hold whole non-square images
        ImageDataset wide = DemoTasks.classToClass(new ImageDataset("wide", 1, 16, 24, new byte[12 * 16 * 24],
                new int[]{1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2}, List.of("x", "a", "b")), 1, 2, 1, "wide");
        try (Trainer t = new Trainer(Variants.byName("cyclegan"), config("cyclegan", 3), wide, tmp.resolve("wide"))) {
            t.run(new TrainListener() { });
        }
        TrainConfig tooBig = config("pix2pix", 1, new ImageToImageConfig(d.direction(), d.lambdaL1(),
                d.lambdaCycle(), d.lambdaIdentity(), 3, d.lrDecayFrom(), 1, 2, "none", 1, 1, 1e-3, 0, 20, false));
        ConfigException e = assertThrows(ConfigException.class, () -> new Trainer(Variants.byName("pix2pix"), tooBig,
                PAIRS, tmp.resolve("big")));
        assertTrue(e.getMessage().contains("i2i.crop 20 is larger than the images (16x16)"), e.getMessage());
    }

    @Test
    void pix2pixTranslatesBtoAAcrossChannelCounts() throws Exception {
        // gray A beside RGB B; BtoA makes G map 3 channels to 1
        byte[] px = new byte[8 * 4 * 16 * 16];
        new java.util.Random(1).nextBytes(px);
        ImageDataset mixed = new ImageDataset("mixed", 4, 16, 16, px, null, List.of(),
                new org.jgan.core.data.Pairing(1, 3, true));
        ImageToImageConfig d = ImageToImageConfig.of(config("pix2pix", 2));
        ImageToImageConfig btoa = new ImageToImageConfig("BtoA", d.lambdaL1(), d.lambdaCycle(), d.lambdaIdentity(),
                3, d.lrDecayFrom(), 1, 2, "none", 1, 1, 1e-3, 0, 0, false);
        Path run = tmp.resolve("btoa");
        try (Trainer t = new Trainer(Variants.byName("pix2pix"), config("pix2pix", 2, btoa), mixed, run)) {
            ChannelMap g = (ChannelMap) t.players().generator();
            assertEquals(3, g.inChannels());
            assertEquals(1, g.outChannels());
            t.run(new TrainListener() { });
        }
        var grid = javax.imageio.ImageIO.read(run.resolve("samples/step-000002.png").toFile());
        assertEquals(3, grid.getColorModel().getNumColorComponents(), "RGB input beside gray output and target");
    }

    @Test
    void cycleganLearningRateDecaysLinearlyOverTheSecondHalf() {
        var v = Variants.byName("cyclegan");
        TrainConfig c = Presets.byName("cyclegan");
        assertEquals(1.0, v.lrFactor(c, 0, 100));
        assertEquals(1.0, v.lrFactor(c, 50, 100));
        assertEquals(0.5, v.lrFactor(c, 75, 100), 1e-12);
        assertEquals(0.02, v.lrFactor(c, 99, 100), 1e-12);
        assertEquals(1.0, Variants.byName("pix2pix").lrFactor(Presets.byName("pix2pix"), 99, 100));
    }
}
