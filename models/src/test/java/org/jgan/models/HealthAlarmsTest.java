package org.jgan.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.train.HealthWatch;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The always-on alarms on real training ({@link HealthWatch}): a run forced dead at learning rate 0.9 (D's loss 0, G's
 * loss frozen, every sample the same image) raises each of them once, and healthy runs on the tests' generated data
 * raise none: DCGAN with the defaults for longer than guard.deadSteps, the other presets with a shorter window, both
 * with a grid every few steps.
 */
class HealthAlarmsTest {
    static final ImageDataset DATA = SyntheticData.shapes(24, 28, 3);

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        // One thread: on a busy machine two spin-waiting OpenMP threads made these runs several times slower.
        Torch.init(1);
    }

    static TrainConfig tiny(TrainConfig base, long steps, int sampleEvery, String... sets) {
        List<String> all = new ArrayList<>(List.of("model.width=8"));
        all.addAll(List.of(sets));
        return ConfigJson.withOverrides(base, all, TrainConfig.class).withData(new DataConfig("synthetic", 8, true, 0))
                .withSchedule(new ScheduleConfig(0, steps, 10, sampleEvery, 1000, 2, 16));
    }

    /** Trains {@code cfg} and returns the alarm kinds raised, in order. */
    List<String> alarms(TrainConfig cfg, String name) throws Exception {
        List<String> kinds = new ArrayList<>();
        try (Trainer t = new Trainer(Variants.byName(cfg.model().name()), cfg, DATA, tmp.resolve(name))) {
            t.run(new TrainListener() {
                @Override
                public void event(Map<String, Object> e) {
                    if (e.containsKey("alarm")) {
                        kinds.add((String) e.get("alarm"));
                    }
                }
            });
        }
        return kinds;
    }

    @Test
    void aRunForcedDeadRaisesEachAlarmOnce() throws Exception {
        TrainConfig cfg = tiny(Presets.byName("dcgan"), 150, 50, "optim.lrG=0.9", "optim.lrD=0.9");
        List<String> kinds = alarms(cfg, "dead");
        // the grid at step 100 may come before the windows of 100 steps close; each alarm comes once
        assertEquals(List.of(HealthWatch.D_PINNED, HealthWatch.G_FROZEN, HealthWatch.SAMPLES_ALIKE),
                kinds.stream().sorted().toList(), kinds.toString());
        String stats = Files.readString(tmp.resolve("dead/stats.jsonl"));
        assertTrue(stats.contains("\"alarm\":\"d-pinned\"") && stats.contains("\"action\":\"warn\""), stats);
    }

    @Test
    void aHealthyRunWithTheDefaultsRaisesNoAlarm() throws Exception {
        assertEquals(List.of(), alarms(tiny(Presets.byName("dcgan"), 150, 10), "healthy"));
    }

    /** The other presets, for less time: a window of 20 steps is stricter than the default's 100. */
    @ParameterizedTest
    @CsvSource({"cgan, 40", "sngan, 40", "dcgan-ema, 40", "wgan-gp, 25", "stylegan2, 25"})
    void healthyRunsOfThePresetsRaiseNoAlarmEvenWithAShortWindow(String preset, long steps) throws Exception {
        List<String> retired = Presets.retiredSettings(preset);  // sngan and wgan-gp live on as settings
        TrainConfig base = retired == null ? Presets.byName(preset)
                : ConfigJson.withOverrides(Presets.byName("dcgan"), retired, TrainConfig.class);
        TrainConfig cfg = tiny(base, steps, 5, "guard.deadSteps=20");
        assertEquals(List.of(), alarms(cfg, preset));
    }
}
