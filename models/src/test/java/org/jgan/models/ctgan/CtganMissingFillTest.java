package org.jgan.models.ctgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.table.MissingFill;
import org.jgan.core.data.table.OutputSpan;
import org.jgan.core.data.table.Table;
import org.jgan.core.data.table.TableTransformer;
import org.jgan.core.train.RunDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctgan.missingFill}: the preset draws missing numbers' value parts from the column's mixture, a run written
 * before the key keeps the mean it trained with (so its resume is exact), and the setting reaches the training rows.
 */
class CtganMissingFillTest {
    @TempDir
    Path tmp;

    @Test
    void thePresetDrawsOldConfigsKeepTheMeanAndBadNamesAreRefused() throws Exception {
        assertEquals(MissingFill.DRAW, CtganConfig.of(CtganPresets.ctgan()).fill());
        RunDir dir = new RunDir(tmp.resolve("old"));
        Files.createDirectories(dir.path());
        dir.writeConfig(CtganPresets.ctgan(), Map.of());
        ObjectNode root = (ObjectNode) dir.readConfigTree();
        ((ObjectNode) root.get("config").get("ctgan")).remove("missingFill");
        Files.writeString(dir.configFile(), ConfigJson.MAPPER.writeValueAsString(root));
        assertEquals(MissingFill.MEAN, CtganConfig.of(dir.readConfig()).fill(), "a run written before the key");
        var e = assertThrows(ConfigException.class, () -> ConfigJson.withOverrides(CtganPresets.ctgan(),
                List.of("ctgan.missingFill=median"), TrainConfig.class));
        assertTrue(e.getMessage().contains("ctgan.missingFill must be \"mean\" or \"draw\", got \"median\""),
                e.getMessage());
    }

    @Test
    void theSettingReachesTheTrainingRows() throws Exception {
        Path csv = tmp.resolve("t.csv");
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("kind,x\n");
        for (int i = 0; i < 200; i++) {
            String x = i % 2 == 0 ? "" : String.format("%.3f", 20 + 5 * r.nextGaussian());
            sb.append(i % 3 == 0 ? "a" : "b").append(',').append(x).append('\n');
        }
        Files.writeString(csv, sb);
        for (String fill : List.of("mean", "draw")) {
            TrainConfig c = ConfigJson.withOverrides(CtganPresets.ctgan(), List.of("ctgan.missingFill=" + fill,
                    "data.source=" + csv), TrainConfig.class);
            TableRows rows = TableRows.open(c, 0);
            TableTransformer tf = rows.transformer();
            OutputSpan flag = tf.spans().stream().filter(s -> s.part().equals("missing")).findFirst().orElseThrow();
            // every value part read back as if present: what G is shown for the missing rows
            float[] v = new float[rows.size() * tf.width()];
            boolean[] missing = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int k = 0; k < tf.width(); k++) {
                    v[i * tf.width() + k] = rows.value(i, k);
                }
                missing[i] = v[i * tf.width() + flag.start() + 1] > 0.5f;
                v[i * tf.width() + flag.start()] = 1f;
                v[i * tf.width() + flag.start() + 1] = 0f;
            }
            Table back = tf.inverse(v, rows.size());
            Table train = rows.trainTable();
            int x = train.schema().indexOf("x");
            double mean = 0;
            int present = 0;
            for (int i = 0; i < rows.size(); i++) {
                mean += missing[i] ? 0 : train.number(x, i);
                present += missing[i] ? 0 : 1;
            }
            mean /= present;
            Set<Double> held = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                if (missing[i]) {
                    held.add(back.number(x, i));
                }
            }
            int n = rows.size() - present;
            assertTrue(n > 50, "rows with x missing: " + n);
            if (fill.equals("mean")) {
                assertEquals(1, held.size(), "every missing x holds the mean: " + held);
                assertEquals(mean, held.iterator().next(), 0.001);
            } else {
                assertTrue(held.size() > n / 2, "drawn: " + held.size() + " values for " + n);
            }
        }
    }
}
