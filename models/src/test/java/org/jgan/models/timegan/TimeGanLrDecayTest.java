package org.jgan.models.timegan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.RunDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TimeGanConfig#lrDecayFrom}: the schedule's factors, its default, old configs and bad values. */
class TimeGanLrDecayTest {
    @TempDir
    Path tmp;

    @Test
    void theRatesFallLinearlyToZeroAfterTheShareOfThePlannedSteps() {
        TrainConfig c = TimeGanConfig.defaults().withLrDecayFrom(0.6).in(TimeGanTest.config(1));
        TimeGan v = new TimeGan();
        for (long step = 0; step < 60; step++) {
            assertEquals(1.0, v.lrFactor(c, step, 100), "before 60 of 100 planned steps: step " + step);
        }
        assertEquals(0.75, v.lrFactor(c, 70, 100), 1e-12);
        assertEquals(0.5, v.lrFactor(c, 80, 100), 1e-12);
        assertEquals(0.025, v.lrFactor(c, 99, 100), 1e-12, "the last step still learns a little");
        assertEquals(1.0, v.lrFactor(c, 70, 200), "the schedule follows the planned end (a resume with more "
                + "steps recomputes it)");
        TrainConfig off = TimeGanTest.config(1);
        for (long step : new long[] {0, 50, 99}) {
            assertEquals(1.0, v.lrFactor(off, step, 100), "no decay by default");
        }
        assertEquals(1.0, v.lrFactor(TimeGanConfig.defaults().withLrDecayFrom(0).in(off), 0, 100),
                "decay from the first step starts at the full rate");
        assertEquals(0.5, v.lrFactor(TimeGanConfig.defaults().withLrDecayFrom(0).in(off), 50, 100), 1e-12);
    }

    @Test
    void oldConfigsKeepConstantRatesAndBadSharesAreRefused() throws Exception {
        assertEquals(1.0, TimeGanConfig.defaults().lrDecayFrom(), "the paper's constant rates");
        assertEquals(1.0, TimeGanConfig.of(TimeGanPresets.timegan()).lrDecayFrom());
        RunDir dir = new RunDir(tmp.resolve("old"));
        Files.createDirectories(dir.path());
        TrainConfig c = TimeGanTest.config(1);
        dir.writeConfig(TimeGanConfig.of(c).withLrDecayFrom(0.5).in(c), java.util.Map.of());
        assertEquals(0.5, TimeGanConfig.of(dir.readConfig()).lrDecayFrom(), "the share is saved with the run");
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) dir.readConfigTree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("config").get("timegan")).remove("lrDecayFrom");
        Files.writeString(dir.configFile(), ConfigJson.MAPPER.writeValueAsString(root));
        assertEquals(1.0, TimeGanConfig.of(dir.readConfig()).lrDecayFrom(), "a run written before the key keeps "
                + "constant rates, so its resume is exact");
        for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
            var e = assertThrows(ConfigException.class, () -> TimeGanConfig.defaults().withLrDecayFrom(bad));
            assertTrue(e.getMessage().contains("timegan.lrDecayFrom must be in [0, 1]"), e.getMessage());
        }
    }
}
