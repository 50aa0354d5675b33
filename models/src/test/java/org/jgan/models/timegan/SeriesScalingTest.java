package org.jgan.models.timegan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.data.DataException;
import org.jgan.core.train.RunDir;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.models.RunGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How windows are scaled for TimeGAN's networks: by feature (the paper's) or by step and feature. */
class SeriesScalingTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void byStepEveryStepSpansZeroToOneAndUnscalingGivesTheValuesBack() throws Exception {
        SeriesWindows w = SeriesWindows.sines(50, 8, 3, 4);
        for (boolean perStep : new boolean[] {false, true}) {
            SeriesData d = new SeriesData(w, perStep);
            float[] s = Tensors.toFloats(d.batch(IntStream.range(0, 50).toArray()));
            float[] lo = new float[8 * 3];
            float[] hi = new float[8 * 3];
            java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < s.length; i++) {
                lo[i % 24] = Math.min(lo[i % 24], s[i]);
                hi[i % 24] = Math.max(hi[i % 24], s[i]);
            }
            // sines start within 0.05 of each other and spread to 0.36 by step 7: only scaled by step does the
            // first step span [0, 1]; by feature it spans at most 0.05 / 0.36
            assertEquals(0, lo[0], 1e-6, "perStep " + perStep);
            assertTrue(perStep ? hi[0] > 1 - 1e-6 : hi[0] < 0.14, "perStep " + perStep + ": " + hi[0]);
            for (int j = 0; j < 24; j++) {
                assertTrue(lo[j] >= 0 && hi[j] <= 1, "step " + j / 3 + " feature " + j % 3);
                if (perStep) {
                    assertEquals(0, lo[j], 1e-6);
                    assertEquals(1, hi[j], 1e-6);
                }
            }
            Path run = tmp.resolve("run-" + perStep);
            d.save(run);
            SeriesData.Scaling saved = SeriesData.readScaling(run);
            assertEquals(perStep ? 24 : 3, saved.min().length);
            float[] back = SeriesData.unscale(s, saved.min(), saved.max());
            for (int i = 0; i < back.length; i++) {
                assertEquals(w.values()[i], back[i], 1e-6, "value " + i);
            }
        }
    }

    @Test
    void aRunScaledByStepSavesOneRangePerStepAndSamplesWithinEachStepsRealRange() throws Exception {
        var c = TimeGanConfig.of(TimeGanTest.config(8)).withScaling(TimeGanConfig.STEP).in(TimeGanTest.config(8));
        Path run = tmp.resolve("run");
        try (Trainer t = TimeGanTest.trainer(c, run)) {
            t.run(new TrainListener() { });
        }
        SeriesData.Scaling s = SeriesData.readScaling(run);
        assertEquals(8 * 5, s.min().length, "one range per step and feature");
        float[] real = SeriesWindows.sines(64, 8, 5, 0).values();  // the training data of the config
        for (int j = 0; j < 40; j++) {
            float lo = Float.POSITIVE_INFINITY;
            for (int i = j; i < real.length; i += 40) {
                lo = Math.min(lo, real[i]);
            }
            assertEquals(lo, s.min()[j], 0f, "step " + j / 5 + " feature " + j % 5);
        }
        try (RunGenerator g = RunGenerator.load(run, null, true)) {
            SeriesWindows w = new SeriesSampler(g, run).sample(200, 3);
            // the networks' outputs lie in (0, 1), so each step's values lie within the real range of that step
            for (int i = 0; i < w.values().length; i++) {
                int j = i % 40;
                assertTrue(w.values()[i] >= s.min()[j] - 1e-6 && w.values()[i] <= s.max()[j] + 1e-6, "value " + i);
            }
        }
        Path file = run.resolve(SeriesData.DIR).resolve(SeriesData.SCALING);
        String json = Files.readString(file);
        Files.writeString(file, json.replace("\"scaling\" : \"step\"", "\"scaling\" : \"weekly\""));
        var e = assertThrows(DataException.class, () -> SeriesData.readScaling(run));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("'weekly'"), e.getMessage());
        // a file without the key is read as scaled by feature, and then its 40 ranges are too many
        Files.writeString(file, json.replace("\"scaling\" : \"step\",", ""));
        e = assertThrows(DataException.class, () -> SeriesData.readScaling(run));
        assertTrue(e.getMessage().contains("needs 5 min and max values, got 40 and 40"), e.getMessage());
    }

    @Test
    void scalingIsByFeatureInOldConfigsAndOtherValuesAreRefused() throws Exception {
        assertEquals(TimeGanConfig.FEATURE, TimeGanConfig.defaults().scaling(), "the paper's");
        RunDir dir = new RunDir(tmp.resolve("old"));
        Files.createDirectories(dir.path());
        dir.writeConfig(TimeGanConfig.defaults().withScaling(TimeGanConfig.STEP).in(TimeGanTest.config(1)),
                java.util.Map.of());
        assertEquals(TimeGanConfig.STEP, TimeGanConfig.of(dir.readConfig()).scaling(), "saved with the run");
        var root = (ObjectNode) dir.readConfigTree();
        ((ObjectNode) root.get("config").get("timegan")).remove("scaling");
        Files.writeString(dir.configFile(), ConfigJson.MAPPER.writeValueAsString(root));
        assertEquals(TimeGanConfig.FEATURE, TimeGanConfig.of(dir.readConfig()).scaling(), "a run written before "
                + "the key is scaled as it was, so its resume and samples are exact");
        var e = assertThrows(ConfigException.class, () -> TimeGanConfig.defaults().withScaling("steps"));
        assertEquals("timegan.scaling must be feature or step, got 'steps'", e.getMessage());
    }
}
