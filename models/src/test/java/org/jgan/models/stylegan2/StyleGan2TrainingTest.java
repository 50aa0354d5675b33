package org.jgan.models.stylegan2;

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
import org.bytedeco.pytorch.TensorVector;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;
import org.jgan.engine.NativeMemory;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StyleGAN2 through the core loop: every phase runs with finite losses, lazy R1 and path length rescale the
 * optimizers, and a resumed run (including w_avg and pl_mean) equals an uninterrupted one.
 */
class StyleGan2TrainingTest {
    /** 28x28 images, padded to the 32x32 the networks work at, as Fashion-MNIST is. */
    static final ImageDataset DATA = SyntheticData.shapes(48, 28, 3);

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    /** The stylegan2 preset, tiny, with every regulariser on and applied every second step. */
    static TrainConfig tiny(String model, long steps) {
        TrainConfig c = ConfigJson.withOverrides(Presets.byName(model), List.of("model.width=8", "model.latentDim=16",
                "reg.r1Every=2", "stylegan2.plWeight=2", "stylegan2.plEvery=2", "reg.diffAugment=translation",
                "optim.emaBeta=0.9"), TrainConfig.class);
        return c.withData(new DataConfig("synthetic", 8, true, 0))
                .withSchedule(new ScheduleConfig(0, steps, 1, 1000, 3, 3, 4));
    }

    static float[] state(GanNet net) {
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

    @Test
    void everyPhaseTrainsWithFiniteLossesAndLazyRescaling() throws Exception {
        Path run = tmp.resolve("smoke");
        List<String> phases = new ArrayList<>();
        TrainConfig cfg = tiny("stylegan2", 4);
        try (Trainer t = new Trainer(Variants.byName("stylegan2"), cfg, DATA, run)) {
            t.observePhases((p, pl) -> phases.add(p.name()));
            float[] before = state(t.players().generator());
            t.run(new TrainListener() { });
            assertFalse(java.util.Arrays.equals(before, state(t.players().generator())), "G did not change");
            StyleGan2Generator g = (StyleGan2Generator) t.players().generator();
            assertTrue(g.plMean().item_double() > 0, "path-length mean tracked");
            assertTrue(g.meanW().abs().sum().item_double() > 0, "w_avg tracked");
            assertEquals(g.meanW().sub(((StyleGan2Generator) t.ema().net()).meanW()).abs().max().item_double(), 0.0,
                    "the EMA generator carries G's w_avg");
        }
        assertEquals(List.of("Dmain", "Dreg", "Gmain", "Greg", "Dmain", "Gmain", "Dmain", "Dreg", "Gmain", "Greg",
                "Dmain", "Gmain"), phases);
        List<JsonNode> stats = new ArrayList<>();
        for (String l : Files.readAllLines(run.resolve("stats.jsonl"))) {
            stats.add(new ObjectMapper().readTree(l));
        }
        assertEquals(4, stats.size());
        for (String key : new String[]{"Loss/D", "Loss/G", "Reg/r1", "Reg/pl", "Reg/pl_mean"}) {
            assertTrue(stats.get(0).has(key), key + " missing from " + stats.get(0));
            assertTrue(Double.isFinite(stats.get(0).get(key).asDouble()), key);
        }
        for (JsonNode s : stats) {
            assertTrue(Double.isFinite(s.get("Loss/D").asDouble()) && Double.isFinite(s.get("Loss/G").asDouble()));
        }
        // lazy R1 and lazy path length, both every 2 steps: rates x 2/3 (Karras et al. 2020, Appendix B)
        assertEquals(0.0025 * 2 / 3, stats.get(0).get("lr/D").asDouble(), 1e-12);
        assertEquals(0.0025 * 2 / 3, stats.get(0).get("lr/G").asDouble(), 1e-12);
        assertTrue(Files.exists(run.resolve("samples/step-000004.png")));
    }

    @Test
    void resumeGivesTheSameWeightsBuffersAndEmaAsAnUninterruptedRun() throws Exception {
        // 6 batches per epoch: 8 steps cross an epoch boundary; the resume at 4 lands between lazy phases' steps
        float[] g;
        float[] d;
        float[] ema;
        try (Trainer t = new Trainer(Variants.byName("stylegan2"), tiny("stylegan2", 8), DATA, tmp.resolve("a"))) {
            t.run(new TrainListener() { });
            g = state(t.players().generator());
            d = state(t.players().discriminator());
            ema = state(t.ema().net());
        }
        try (Trainer t = new Trainer(Variants.byName("stylegan2"), tiny("stylegan2", 5), DATA, tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = new Trainer(Variants.byName("stylegan2"), tiny("stylegan2", 8), DATA, tmp.resolve("b"))) {
            assertEquals(5, t.resume().step());
            t.run(new TrainListener() { });
            assertArrayEquals(g, state(t.players().generator()), "G (with w_avg, pl_mean, noise buffers)");
            assertArrayEquals(d, state(t.players().discriminator()), "D");
            assertArrayEquals(ema, state(t.ema().net()), "EMA G");
        }
    }

    @Test
    void mappingLayersShapeGAndAResumeKeepsThem() throws Exception {
        TrainConfig two = ConfigJson.withOverrides(tiny("stylegan2", 1), List.of("stylegan2.mappingLayers=2"),
                TrainConfig.class);
        TrainConfig eight = ConfigJson.withOverrides(two, List.of("stylegan2.mappingLayers=8"), TrainConfig.class);
        long[] params = new long[2];
        int i = 0;
        for (TrainConfig c : List.of(two, eight)) {
            try (GanNet g = Variants.byName("stylegan2").buildGenerator(c, new DataShape(1, 28, 28, 0))) {
                TensorVector v = g.parameters(true);
                for (long k = 0; k < v.size(); k++) {
                    params[i] += v.get(k).numel();
                }
                i++;
            }
        }
        // six fully connected 16 -> 16 layers with biases fewer
        assertEquals(6 * (16 * 16 + 16), params[1] - params[0]);
        try (Trainer t = new Trainer(Variants.byName("stylegan2"), two, DATA, tmp.resolve("m2"))) {
            t.run(new TrainListener() { });
        }
        TrainConfig longer = eight.withSchedule(new ScheduleConfig(0, 2, 1, 1000, 3, 3, 4));
        try (Trainer t = new Trainer(Variants.byName("stylegan2"), longer, DATA, tmp.resolve("m2"))) {
            ConfigException e = assertThrows(ConfigException.class, t::resume);
            assertTrue(e.getMessage().contains("stylegan2.mappingLayers: 2 in the run, 8 given"), e.getMessage());
        }
        ConfigException bad = assertThrows(ConfigException.class, () -> ConfigJson.withOverrides(two,
                List.of("stylegan2.mappingLayers=0"), TrainConfig.class));
        assertTrue(bad.getMessage().contains("stylegan2.mappingLayers must be in 1..16, got 0"), bad.getMessage());
    }

    @Test
    void conditionalVariantTrainsOnRgbImages() throws Exception {
        // 16x16 RGB with 3 classes, as an image folder with one sub-folder per class would give
        ImageDataset gray = SyntheticData.shapes(24, 16, 5);
        byte[] rgb = new byte[gray.pixels().length * 3];
        for (int i = 0; i < 24; i++) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(gray.pixels(), i * 256, rgb, (i * 3 + c) * 256, 256);
            }
        }
        ImageDataset data = new ImageDataset("rgb", 3, 16, 16, rgb, gray.labels(), gray.classNames());
        Path run = tmp.resolve("cond");
        try (Trainer t = new Trainer(Variants.byName("stylegan2-cond"), tiny("stylegan2-cond", 2), data, run)) {
            t.run(new TrainListener() { });
        }
        String last = Files.readAllLines(run.resolve("stats.jsonl")).get(1);
        assertTrue(last.contains("\"Loss/G\"") && !last.contains("NaN"), last);
        assertTrue(Files.readString(run.resolve("config.json")).contains("[ 3, 16, 16 ]"));
    }

    @Test
    void nativeMemoryStaysFlat() throws Exception {
        TrainConfig cfg = tiny("stylegan2", 40).withSchedule(new ScheduleConfig(0, 40, 1000, 1000, 1000, 1, 4));
        long[] live = new long[41];
        try (Trainer t = new Trainer(Variants.byName("stylegan2"), cfg, DATA, tmp.resolve("m"))) {
            t.run(new TrainListener() {
                @Override
                public void stepDone(TrainState s, java.util.Map<String, Double> stats) {
                    live[(int) s.step()] = NativeMemory.liveObjects();
                }
            });
        }
        // Garbage from building the networks may be collected on the way, so the count may fall; a leak of even one
        // object per step would add 20 between step 20 and step 40.
        assertTrue(live[40] <= live[20], "live native objects grew from " + live[20] + " at step 20 to " + live[40]
                + " at step 40");
    }
}
