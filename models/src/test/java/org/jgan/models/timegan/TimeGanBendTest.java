package org.jgan.models.timegan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.train.RunDir;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.StepScope;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TimeGanConfig#bendMoments}: off unless set (also in runs written before the key), bad weights refused, the
 * moments of the bends zero for the real windows and not for a wobble that the changes' moments barely see, and a
 * run with it on trains with finite losses.
 */
class TimeGanBendTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void offUnlessSetAlsoInOldRunsAndBadWeightsAreRefused() throws Exception {
        assertEquals(0.0, TimeGanConfig.defaults().bendMoments());
        assertEquals(0.0, TimeGanConfig.of(TimeGanPresets.timegan()).bendMoments(), "not in the preset");
        RunDir dir = new RunDir(tmp.resolve("old"));
        Files.createDirectories(dir.path());
        dir.writeConfig(TimeGanConfig.of(TimeGanTest.config(1)).withBendMoments(2).in(TimeGanTest.config(1)),
                java.util.Map.of());
        assertEquals(2.0, TimeGanConfig.of(dir.readConfig()).bendMoments(), "the weight is saved with the run");
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) dir.readConfigTree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("config").get("timegan")).remove("bendMoments");
        Files.writeString(dir.configFile(), ConfigJson.MAPPER.writeValueAsString(root));
        assertEquals(0.0, TimeGanConfig.of(dir.readConfig()).bendMoments(), "a run written before the key");
        for (double bad : new double[] {-1, Double.NaN, 1e4}) {
            var e = assertThrows(ConfigException.class, () -> TimeGanConfig.defaults().withBendMoments(bad));
            assertTrue(e.getMessage().contains("timegan.bendMoments must be in 0..1000"), e.getMessage());
        }
    }

    @Test
    void theBendsMomentsSeeAWobbleThatTheChangesBarelySee() {
        try (StepScope s = StepScope.open()) {
            // arcs sin(f t + p), f and p on [0, 0.1], as TimeGAN's sines; the wobble is +-0.002 at random per window
            // and step (a wobble the same in every window would shift the changes' batch mean, which they see)
            torch.manual_seed(3);
            Tensor f = torch.rand(256, 1, 2).mul(new Scalar(0.1));
            Tensor p = torch.rand(256, 1, 2).mul(new Scalar(0.1));
            Tensor t = torch.arange(new Scalar(0), new Scalar(24)).to(torch.ScalarType.Float).view(1, 24, 1);
            Tensor x = f.mul(t).add(p).sin().add(new Scalar(1)).div(new Scalar(2));
            Tensor sign = torch.randint(2, new long[] {256, 24, 2}).to(torch.ScalarType.Float).mul(new Scalar(2))
                    .sub(new Scalar(1));
            Tensor wobbly = x.add(sign.mul(new Scalar(0.002)));
            Tensor dx = TimeGanLosses.changes(x);
            Tensor dw = TimeGanLosses.changes(wobbly);
            assertEquals(0.0, TimeGanLosses.moments(TimeGanLosses.changes(dx), TimeGanLosses.changes(dx))
                    .item_double(), 1e-9);
            double changes = TimeGanLosses.moments(dw, dx).item_double();
            double bends = TimeGanLosses.moments(TimeGanLosses.changes(dw), TimeGanLosses.changes(dx)).item_double();
            assertTrue(bends > 4 * changes, "the bends' moments " + bends + " against the changes' " + changes);
        }
    }

    @Test
    void aRunWithItTrainsWithFiniteLosses() throws Exception {
        Path run = tmp.resolve("bend");
        var c = TimeGanConfig.of(TimeGanTest.config(9)).withBendMoments(1).in(TimeGanTest.config(9));
        try (Trainer t = TimeGanTest.trainer(c, run)) {
            t.run(new TrainListener() { });
        }
        List<String> stats = Files.readAllLines(run.resolve("stats.jsonl"));
        assertTrue(stats.get(7).contains("Loss/G_bends"), stats.get(7));
        assertFalse(String.join("", stats).contains("NaN"));
    }
}
