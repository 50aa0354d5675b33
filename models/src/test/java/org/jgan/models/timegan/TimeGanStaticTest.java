package org.jgan.models.timegan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataException;
import org.jgan.core.data.table.Table;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Torch;
import org.jgan.models.RunGenerator;
import org.jgan.models.TrainerTest;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TimeGAN with static features: windows from a long table, training, resume, samples whose statics never change. */
class TimeGanStaticTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    /** 8 series of 20 rows: id, t, a static amplitude and kind, a signal of that amplitude and a trend column. */
    private Path table() throws Exception {
        StringBuilder sb = new StringBuilder("id,t,amp,kind,signal,trend\n");
        for (int s = 0; s < 8; s++) {
            double amp = 1 + s % 3;
            for (int t = 0; t < 20; t++) {
                sb.append("s").append(s).append(',').append(t).append(',').append(amp).append(',')
                        .append(s % 2 == 0 ? "calm" : "wild").append(',').append(amp * Math.sin(0.3 * t + s)).append(',').append(0.1 * t * s).append('\n');
            }
        }
        return Files.writeString(tmp.resolve("series.csv"), sb);
    }

    private static TimeGanConfig statics(int seqLen) {
        return new TimeGanConfig(8, 2, seqLen, 2, 3, 3, 1.0, "id", "t", "amp,kind");
    }

    @Test
    void staticColumnsComeFirstAndMustHoldOneValuePerSeries() throws Exception {
        Path csv = table();
        SeriesWindows w = SeriesWindows.fromTable(Table.readCsv(csv), "t.csv", statics(8));
        assertEquals(List.of("amp", "kind", "signal", "trend"), w.features());
        assertEquals(2, w.statics());
        assertEquals(java.util.Map.of("kind", List.of("calm", "wild")), w.categories());
        assertEquals(8 * 7, w.count(), "windows of 8 every 2 steps: 7 per series of 20 rows");
        for (int t = 0; t < 8; t++) {
            assertEquals(1f, w.values()[t * 4], "series s0's amplitude at every step of its first window");
            assertEquals(1f, w.values()[(7 * 8 + t) * 4 + 1], "series s1 is wild (code 1) at every step");
        }
        assertEquals("wild", w.cell(1, 0.8f));
        assertEquals(0.8f, w.cell(2, 0.8f));
        // the amplitude changes on line 5 (series s0, t = 3)
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        lines.set(4, lines.get(4).replaceFirst(",1.0,", ",1.5,"));
        Path bad = Files.write(tmp.resolve("bad.csv"), lines);
        var e = assertThrows(DataException.class, () -> SeriesWindows.fromTable(Table.readCsv(bad), "bad.csv",
                statics(8)));
        assertTrue(e.getMessage().contains("bad.csv, line 5, column \"amp\": static feature changes within series "
                + "\"s0\""), e.getMessage());
        e = assertThrows(DataException.class, () -> SeriesWindows.fromTable(Table.readCsv(csv), "t.csv",
                new TimeGanConfig(8, 2, 8, 2, 3, 3, 1.0, "id", "t", "id")));
        assertTrue(e.getMessage().contains("column \"id\" (timegan.staticColumns): a static feature must be a "
                + "column other than the id and time columns"), e.getMessage());
        lines.set(4, Files.readAllLines(csv).get(4).replace("calm", "wild"));
        Path kinds = Files.write(tmp.resolve("kinds.csv"), lines);
        e = assertThrows(DataException.class, () -> SeriesWindows.fromTable(Table.readCsv(kinds), "kinds.csv",
                statics(8)));
        assertTrue(e.getMessage().contains("line 5, column \"kind\": static feature changes within series \"s0\" "
                + "(calm on line 2, wild here)"), e.getMessage());
        e = assertThrows(DataException.class, () -> SeriesWindows.fromTable(Table.readCsv(csv), "t.csv",
                new TimeGanConfig(8, 2, 8, 2, 3, 3, 1.0, "id", "t", "amp,nope")));
        assertTrue(e.getMessage().contains("no column \"nope\" (timegan.staticColumns;"), e.getMessage());
        assertArrayEquals(new int[]{2, 0, 1}, SeriesWindows.codeOrder(List.of("5", "1", "2.5")),
                "number labels are coded by value");
        assertArrayEquals(new int[]{0, 1, 2}, SeriesWindows.codeOrder(List.of("b", "a", "3")), "else as they came");
                var c = assertThrows(ConfigException.class, () -> new TimeGanConfig(8, 2, 8, 2, 3, 3, 1.0, "", "t", "amp"));
        assertTrue(c.getMessage().contains("timegan.staticColumns needs timegan.idColumn"), c.getMessage());
        TrainConfig sines = statics(8).in(TimeGanTest.config(4));
        c = assertThrows(ConfigException.class, () -> Variants.byName("timegan").openTrainingData(sines, 0));
        assertTrue(c.getMessage().contains("has no static features"), c.getMessage());
    }

    private TrainConfig config(Path csv, long steps) {
        TrainConfig c = TimeGanTest.config(steps);
        c = c.withData(new DataConfig(csv.toString(), 16, true, 0));
        return statics(8).in(c);
    }

    @Test
    void trainsResumesExactlyAndSamplesStaticsThatNeverChangeOverTime() throws Exception {
        Path csv = table();
        Path a = tmp.resolve("a");
        float[] straight;
        try (Trainer t = TimeGanTest.trainer(config(csv, 9), a)) {
            t.run(new TrainListener() { });
            straight = TrainerTest.weights(t.players().generator());
        }
        List<String> stats = Files.readAllLines(a.resolve("stats.jsonl"));
        assertTrue(stats.get(7).contains("Loss/G_moments") && stats.get(7).contains("Loss/D"), stats.get(7));
        assertFalse(String.join("", stats).contains("NaN"));
        try (Trainer t = TimeGanTest.trainer(config(csv, 5), tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = TimeGanTest.trainer(config(csv, 9), tmp.resolve("b"))) {
            assertEquals(5, t.resume().step());
            t.run(new TrainListener() { });
            assertArrayEquals(straight, TrainerTest.weights(t.players().generator()));
        }
        try (RunGenerator g = RunGenerator.load(a, null, true)) {
            SeriesWindows w = new SeriesSampler(g, a).sample(10, 4);
            assertEquals(List.of("amp", "kind", "signal", "trend"), w.features());
            assertEquals(2, w.statics());
            for (int i = 0; i < w.count(); i++) {
                float amp = w.values()[i * 8 * 4];
                float kind = w.values()[i * 8 * 4 + 1];
                assertTrue(amp >= 1f && amp <= 3f, "within the data's range: " + amp);
                assertTrue(kind == 0f || kind == 1f, "a category's code: " + kind);
                for (int t = 1; t < 8; t++) {
                    assertEquals(amp, w.values()[(i * 8 + t) * 4], "window " + i + " keeps its amplitude at step " + t);
                    assertEquals(kind, w.values()[(i * 8 + t) * 4 + 1], "window " + i + " keeps its kind");
                }
            }
            float[] v = w.values();
            assertFalse(v[2] == v[4 + 2] && v[2] == v[2 * 4 + 2], "the signal moves");
            Path out = tmp.resolve("w.csv");
            SeriesData.writeCsv(w, out);
            List<String> csvOut = Files.readAllLines(out);
            assertEquals("window,step,amp,kind,signal,trend", csvOut.get(0));
            assertTrue(csvOut.get(1).split(",")[3].matches("calm|wild"), csvOut.get(1));
        }
    }
}
