package org.jgan.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Phase;
import org.jgan.core.train.Players;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.core.train.TrainingDivergedException;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Presets and regularisers train with finite losses; divergence rolls back, lowers the rates, and finally stops. */
class StabilityTest {
    static final ImageDataset DATA = SyntheticData.shapes(96, 28, 5);

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static TrainConfig tiny(TrainConfig base, long steps) {
        TrainConfig c = ConfigJson.withOverrides(base, List.of("model.width=8", "model.latentDim=16"),
                TrainConfig.class);
        return c.withData(new DataConfig("synthetic", 16, true, 0))
                .withSchedule(new ScheduleConfig(0, steps, 1, 1000, 1000, 2, 12));
    }

    static List<JsonNode> stats(Path run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(run.resolve("stats.jsonl"))) {
            out.add(new ObjectMapper().readTree(l));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wgan-gp", "sngan", "dcgan-ema", "cgan"})
    void presetsTrainWithFiniteLosses(String preset) throws Exception {
        Path run = tmp.resolve(preset);
        List<String> retired = Presets.retiredSettings(preset);
        TrainConfig cfg = tiny(retired == null ? Presets.byName(preset)
                : ConfigJson.withOverrides(Presets.byName("dcgan"), retired, TrainConfig.class), 3);
        try (Trainer t = new Trainer(Variants.byName(cfg.model().name()), cfg, DATA, run)) {
            t.run(new TrainListener() { });
        }
        List<JsonNode> s = stats(run);
        assertEquals(3, s.size());
        for (JsonNode n : s) {
            assertTrue(Double.isFinite(n.get("Loss/D").asDouble()) && Double.isFinite(n.get("Loss/G").asDouble()));
        }
        if (preset.equals("wgan-gp")) {
            assertTrue(s.get(0).has("Reg/gp"), "gradient penalty not reported");
            // 5 critic steps per generator step: 3 steps use 15 batches of 16 = 240 images of 96, 2.5 epochs
            assertEquals(2.5, s.get(2).get("epoch").asDouble(), 1e-9);
        }
    }

    @Test
    void lazyR1AndAugmentationRunAsTheirOwnPhases() throws Exception {
        TrainConfig cfg = tiny(ConfigJson.withOverrides(TrainConfig.dcganFashionMnist(), List.of("reg.r1Gamma=1",
                "reg.r1Every=2", "reg.diffAugment=translation,cutout", "reg.realLabel=0.9"), TrainConfig.class), 4);
        List<String> phases = new ArrayList<>();
        try (Trainer t = new Trainer(Variants.byName("dcgan"), cfg, DATA, tmp.resolve("r1"))) {
            t.observePhases((p, pl) -> phases.add(p.name()));
            t.run(new TrainListener() { });
            // D's rate and betas are rescaled by c = 2/3 for lazy R1 (Karras et al. 2020)
            assertTrue(Files.readString(tmp.resolve("r1/stats.jsonl")).contains("\"lr/D\":1.3333"));
        }
        assertEquals(List.of("Dmain", "Dreg", "Gmain", "Dmain", "Gmain", "Dmain", "Dreg", "Gmain", "Dmain", "Gmain"),
                phases);
    }

    /** dcgan whose G loss is NaN once, at step 3. */
    static final class NanOnce implements GanVariant {
        final GanVariant inner = Variants.byName("dcgan");
        boolean fired;

        @Override
        public String name() {
            return "dcgan";
        }

        @Override
        public String citation() {
            return inner.citation();
        }

        @Override
        public Players build(TrainConfig c, DataShape s, long seed) {
            return inner.build(c, s, seed);
        }

        @Override
        public GanNet buildGenerator(TrainConfig c, DataShape s) {
            return inner.buildGenerator(c, s);
        }

        @Override
        public List<Phase> phases(TrainConfig c) {
            List<Phase> p = new ArrayList<>(inner.phases(c));
            Phase g = p.remove(p.size() - 1);
            p.add(new Phase(g.name(), g.group(), 1, false, ctx -> {
                Tensor l = g.loss().compute(ctx);
                if (ctx.step() == 3 && !fired) {
                    fired = true;
                    return l.mul(torch.full(new long[]{}, new org.bytedeco.pytorch.Scalar(Double.NaN)));
                }
                return l;
            }));
            return p;
        }
    }

    @Test
    void aNanRollsBackToTheLastCheckpointWithLowerRatesAndTrainingGoesOn() throws Exception {
        TrainConfig cfg = tiny(TrainConfig.dcganFashionMnist(), 6)
                .withSchedule(new ScheduleConfig(0, 6, 1, 1000, 2, 3, 12));
        Path run = tmp.resolve("nan");
        try (Trainer t = new Trainer(new NanOnce(), cfg, DATA, run)) {
            t.run(new TrainListener() { });
            assertEquals(6, t.state().step());
            assertEquals(1, t.state().rollbacks());
            assertEquals(0.5, t.state().lrScale(), 0.0);
        }
        List<JsonNode> s = stats(run);
        JsonNode ev = s.stream().filter(n -> n.has("rollback")).findFirst().orElseThrow();
        assertEquals(2, ev.get("step").asInt(), "rolled back to the step-2 checkpoint");
        assertTrue(ev.get("reason").asText().contains("NaN"));
        assertEquals(1e-4, s.get(s.size() - 1).get("lr/G").asDouble(), 1e-12);
    }

    @Test
    void runsOutOfRollbacksWithAdvice() {
        TrainConfig cfg = tiny(ConfigJson.withOverrides(TrainConfig.dcganFashionMnist(),
                List.of("guard.maxLoss=1e-6", "guard.maxRollbacks=2"), TrainConfig.class), 5);
        try (Trainer t = new Trainer(Variants.byName("dcgan"), cfg, DATA, tmp.resolve("boom"))) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> t.run(new TrainListener() { }));
            assertTrue(e.getMessage().contains("rolled back 2 time(s)"), e.getMessage());
            assertTrue(e.getMessage().contains("lower learning rates"), e.getMessage());
        }
    }

    @Test
    void collapseAlarmCanStopTheRun() {
        TrainConfig cfg = tiny(ConfigJson.withOverrides(TrainConfig.dcganFashionMnist(),
                List.of("guard.onCollapse=stop"), TrainConfig.class), 5);
        try (Trainer t = new Trainer(Variants.byName("dcgan"), cfg, DATA, tmp.resolve("stop"))) {
            var e = assertThrows(org.jgan.core.train.TrainingStoppedException.class, () -> t.run(new TrainListener() {
                Trainer tr;

                @Override
                public void attached(Trainer trainer) {
                    tr = trainer;
                }

                @Override
                public void stepDone(org.jgan.core.train.TrainState s, Map<String, Double> st) {
                    if (s.step() == 2) {
                        tr.alarm("collapse", "coverage fell to 1 class");
                    }
                }
            }));
            assertTrue(e.getMessage().contains("step 2"), e.getMessage());
            assertEquals(2, t.state().step());
        }
    }
}
