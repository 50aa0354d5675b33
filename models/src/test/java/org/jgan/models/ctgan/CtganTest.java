package org.jgan.models.ctgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.GuardConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.OptimConfig;
import org.jgan.core.config.RegConfig;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.table.Table;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;
import org.jgan.engine.NativeMemory;
import org.jgan.engine.Torch;
import org.jgan.models.RunGenerator;
import org.jgan.models.TrainerTest;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CTGAN through the training loop on a generated table of 300 rows: a categorical column with a rare category, a
 * continuous column that depends on it, an integer column (0..999) and a boolean with missing values.
 */
class CtganTest {
    static final String[] KINDS = {"a", "b", "c", "rare"};
    static final double[] SHARES = {0.6, 0.25, 0.12, 0.03};

    @TempDir
    static Path shared;
    static Path csv;

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() throws Exception {
        Torch.init(1);
        csv = shared.resolve("t.csv");
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("kind,x,n,flag\n");
        for (int i = 0; i < 300; i++) {
            int k = i < 180 ? 0 : i < 255 ? 1 : i < 291 ? 2 : 3;
            double x = 10 * k + r.nextGaussian();
            String flag = r.nextInt(10) == 0 ? "" : r.nextBoolean() ? "true" : "false";
            sb.append(KINDS[k]).append(',').append(String.format("%.3f", x)).append(',').append(r.nextInt(1000))
                    .append(',').append(flag).append('\n');
        }
        Files.writeString(csv, sb);
    }

    static TrainConfig config(long steps) {
        TrainConfig c = new TrainConfig(7, new ModelConfig("ctgan", 16, "wasserstein", 32),
                new DataConfig(csv.toString(), 40, true, 0), new OptimConfig(2e-4, 2e-4, 0.5, 0.9, 0, 1),
                new RegConfig(10, 0, 1, false, 1.0, ""), new ScheduleConfig(0, steps, 2, 3, 3, 2, 50),
                GuardConfig.defaults());
        return new CtganConfig(10, 0.2, 0.2, true, "", "draw").in(c);
    }

    static Trainer trainer(TrainConfig c, Path run) {
        GanVariant v = Variants.byName("ctgan");
        return new Trainer(v, c, v.openTrainingData(c, 0), run);
    }

    @Test
    void trainsAndKeepsTheTableFilesAndACsvView() throws Exception {
        Path run = tmp.resolve("run");
        try (Trainer t = trainer(config(4), run)) {
            t.run(new TrainListener() { });
        }
        String stats = String.join("\n", Files.readAllLines(run.resolve("stats.jsonl")));
        assertTrue(stats.contains("\"Loss/G_condition\"") && stats.contains("\"Reg/gp\""), stats);
        assertFalse(stats.contains("NaN"), stats);
        List<String> view = Files.readAllLines(run.resolve("samples/step-000004.csv"));
        assertEquals("kind,x,n,flag", view.get(0));
        assertTrue(Files.isRegularFile(run.resolve("samples/step-000004.png")), "a picture of the rows for the dashboard");
        assertEquals(51, view.size());
        assertEquals(241, Files.readAllLines(run.resolve("table/train.csv")).size(), "80% of 300 rows + header");
        assertEquals(61, Files.readAllLines(run.resolve("table/holdout.csv")).size());
        for (String line : view.subList(1, view.size())) {
            String[] cells = line.split(",", -1);
            assertTrue(List.of(KINDS).contains(cells[0]), line);
            assertTrue(cells[2].matches("\\d{1,3}"), "integers stay integers in the training range: " + line);
        }
    }

    @Test
    void resumeGivesTheSameWeightsAsAnUninterruptedRun() throws Exception {
        float[] straight;
        try (Trainer t = trainer(config(8), tmp.resolve("a"))) {
            t.run(new TrainListener() { });
            straight = TrainerTest.weights(t.players().generator());
        }
        try (Trainer t = trainer(config(5), tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = trainer(config(8), tmp.resolve("b"))) {
            assertEquals(5, t.resume().step());
            t.run(new TrainListener() { });
            assertArrayEquals(straight, TrainerTest.weights(t.players().generator()));
        }
        // a run whose saved encoding is not the one fitted now (an older jgan's) is refused, its files kept
        Path saved = tmp.resolve("b").resolve(TableRows.DIR).resolve(TableRows.TRANSFORMER);
        String other = Files.readString(saved).replaceFirst("\"fill\" : ", "\"fill\" : 1");
        Files.writeString(saved, other);
        try (Trainer t = trainer(config(12), tmp.resolve("b"))) {
            t.resume();
            org.jgan.core.data.DataException e = assertThrows(org.jgan.core.data.DataException.class,
                    () -> t.run(new TrainListener() { }));
            assertTrue(e.getMessage().contains("cannot be resumed"), e.getMessage());
        }
        assertEquals(other, Files.readString(saved));
    }

    @Test
    void trainingBySamplingDrawsCategoriesByLogFrequencyWithMatchingRows() {
        TrainConfig c = config(1);
        TableRows rows = TableRows.open(c, 0);
        TableConditioning cond = new TableConditioning(rows, true);
        Table train = rows.trainTable();
        int kind = train.columnIndex("kind");
        int[] counts = new int[KINDS.length];
        for (int r = 0; r < train.rows(); r++) {
            counts[train.code(kind, r)]++;
        }
        int[] drawn = new int[KINDS.length];
        int kindRows = 0;
        int n = 0;
        for (long seed = 0; seed < 200; seed++) {
            var d = cond.draw(new int[100], seed);
            float[] v = org.jgan.engine.Tensors.toFloats(d.condition());
            for (int i = 0; i < 100; i++, n++) {
                for (int k = 0; k < KINDS.length; k++) {
                    if (v[i * cond.width() + k] == 1f) {  // "kind" is the first discrete column
                        kindRows++;
                        drawn[k]++;
                        assertEquals(k, train.code(kind, d.rows()[i]), "the real row has the condition's category");
                    }
                }
            }
        }
        double norm = 0;
        for (int k : counts) {
            norm += Math.log(k + 1.0);
        }
        for (int k = 0; k < KINDS.length; k++) {
            double expected = Math.log(counts[k] + 1.0) / norm;
            assertEquals(expected, drawn[k] / (double) kindRows, 0.02, KINDS[k] + " of " + kindRows);
        }
        assertEquals(0.5, kindRows / (double) n, 0.02, "two discrete columns, each chosen half the time");
        assertTrue(drawn[3] / (double) kindRows > 4 * SHARES[3], "the rare category is trained on far more often");
    }

    @Test
    void samplesExactlyTheRowsAskedForReproducibly() throws Exception {
        Path run = tmp.resolve("s");
        try (Trainer t = trainer(config(3), run)) {
            t.run(new TrainListener() { });
        }
        try (RunGenerator g = RunGenerator.load(run, null, true)) {
            TableSampler s = new TableSampler(g, run);
            Table rare = s.sample(120, 3, Map.of("kind", "rare", "flag", ""));
            assertEquals(120, rare.rows());
            for (int r = 0; r < rare.rows(); r++) {
                assertEquals("rare", rare.cell(rare.columnIndex("kind"), r));
                assertTrue(rare.isMissing(rare.columnIndex("flag"), r));
            }
            Path a = tmp.resolve("a.csv");
            Path b = tmp.resolve("b.csv");
            s.sample(700, 9, Map.of()).writeCsv(a);
            s.sample(700, 9, Map.of()).writeCsv(b);
            assertEquals(Files.readString(a), Files.readString(b));
            var e = assertThrows(ConfigException.class, () -> s.sample(5, 1, Map.of("kind", "rarest")));
            assertTrue(e.getMessage().contains("\"rarest\" never occurs in column \"kind\""), e.getMessage());
            e = assertThrows(ConfigException.class, () -> s.sample(5, 1, Map.of("x", "1")));
            assertTrue(e.getMessage().contains("\"x\" is not categorical or boolean"), e.getMessage());
        }
    }

    @Test
    void unconditionalSamplesApportionConditionsByRealShares() {
        SplittableRandom r = new SplittableRandom(1);
        int[] a = TableSampler.apportion(1169, new double[]{44 / 1169.0, 502 / 1169.0, 519 / 1169.0, 22 / 1169.0,
                82 / 1169.0}, r);
        assertArrayEquals(new int[]{44, 502, 519, 22, 82}, a, "exact shares come back exactly");
        int[] b = TableSampler.apportion(10, new double[]{0.55, 0.3, 0.15}, r);
        assertEquals(10, java.util.Arrays.stream(b).sum());
        assertEquals(3, b[1]);
        assertTrue(b[0] + b[2] == 7 && (b[0] == 6 || b[2] == 2), java.util.Arrays.toString(b));
    }

    @Test
    void liveNativeObjectsStayFlat() throws Exception {
        long[] live = new long[5];
        try (Trainer t = trainer(config(400).withSchedule(new ScheduleConfig(0, 400, 100, 1000, 1000, 2, 20)),
                tmp.resolve("m"))) {
            t.run(new TrainListener() {
                @Override
                public void stepDone(TrainState s, Map<String, Double> stats) {
                    if (s.step() % 100 == 0) {
                        live[(int) s.step() / 100] = NativeMemory.liveObjects();
                    }
                }
            });
        }
        assertTrue(live[4] <= live[1] + 50, "live native objects grew: " + java.util.Arrays.toString(live));
    }
}
