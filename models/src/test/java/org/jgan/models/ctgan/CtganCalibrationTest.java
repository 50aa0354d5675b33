package org.jgan.models.ctgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.GuardConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.OptimConfig;
import org.jgan.core.config.RegConfig;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.table.OrderRules;
import org.jgan.core.data.table.Table;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Torch;
import org.jgan.models.RunGenerator;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sampled numbers calibrated to the training rows' distributions and orderings through a run. */
class CtganCalibrationTest {
    @TempDir
    static Path dir;
    static Path run;

    /**
     * A run of a few steps on 400 rows: a skewed amount and count (0 in under 10% of rows: no point mass, whose share
     * calibration leaves as G draws it), start &lt;= end, a kind; its generator is far from the data.
     */
    @BeforeAll
    static void train() throws Exception {
        Torch.init(1);
        run = train("run", "");
    }

    /** Trains the run described above into {@code name}, the table read with {@code schema} ("": none). */
    private static Path train(String name, String schema) throws Exception {
        Path csv = dir.resolve("t.csv");
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder("kind,amount,count,start,end\n");
        for (int i = 0; i < 400; i++) {
            int start = r.nextInt(100);
            sb.append(r.nextInt(3) == 0 ? "b" : "a").append(',')
                    .append(String.format("%.2f", Math.exp(2 + 0.8 * r.nextGaussian()))).append(',')
                    .append((int) (5000 * Math.pow(r.nextDouble(), 3))).append(',')
                    .append(start).append(',').append(start + 1 + r.nextInt(20)).append('\n');
        }
        Files.writeString(csv, sb);
        TrainConfig c = new CtganConfig(10, 0.2, 0.2, true, schema, "draw").in(new TrainConfig(3,
                new ModelConfig("ctgan", 16, "wasserstein", 32), new DataConfig(csv.toString(), 40, true, 0),
                new OptimConfig(2e-4, 2e-4, 0.5, 0.9, 0, 1), new RegConfig(10, 0, 1, false, 1.0, ""),
                new ScheduleConfig(0, 3, 1, 3, 3, 1, 20), GuardConfig.defaults()));
        Path out = dir.resolve(name);
        GanVariant v = Variants.byName("ctgan");
        try (Trainer t = new Trainer(v, c, v.openTrainingData(c, 0), out)) {
            t.run(new TrainListener() { });
        }
        return out;
    }

    private static double[] column(Table t, String name) {
        int c = t.columnIndex(name);
        return java.util.stream.IntStream.range(0, t.rows()).mapToDouble(i -> t.number(c, i)).toArray();
    }

    /** The Kolmogorov-Smirnov statistic between two samples. */
    private static double ks(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double worst = 0;
        for (double v : x) {
            worst = Math.max(worst, Math.abs(below(x, v) - below(y, v)));
        }
        for (double v : y) {
            worst = Math.max(worst, Math.abs(below(x, v) - below(y, v)));
        }
        return worst;
    }

    private static double below(double[] sorted, double v) {
        int i = Arrays.binarySearch(sorted, v);
        int n = i >= 0 ? i + 1 : -i - 1;
        while (i >= 0 && n < sorted.length && sorted[n] == v) {
            n++;
        }
        return n / (double) sorted.length;
    }

    @Test
    void calibratedNumbersFollowTheTrainingRowsInTheGeneratorsOrder() throws Exception {
        Table real = TableRunFiles.training(run, null);
        try (RunGenerator g = RunGenerator.load(run, null, true)) {
            TableSampler s = new TableSampler(g, run);
            assertEquals("numbers calibrated to the training rows' distributions in amount, count, start, end; rows "
                    + "kept in the orderings every training row keeps: start <= end", s.calibrationNote());
            Table raw = s.sample(2000, 4, Map.of(), false);
            Table cal = s.sample(2000, 4, Map.of(), true);
            for (String col : new String[] {"amount", "count"}) {
                double before = ks(column(raw, col), column(real, col));
                double after = ks(column(cal, col), column(real, col));
                assertTrue(after < 0.08 && after < before / 2, col + ": KS to the training rows " + before + " -> "
                        + after);
                double[] x = column(raw, col);
                double[] y = column(cal, col);
                for (int i = 1; i < x.length; i++) {
                    assertTrue(Math.signum(x[i] - x[i - 1]) * Math.signum(y[i] - y[i - 1]) >= 0,
                            col + ": rows " + (i - 1) + " and " + i + " keep their order");
                }
            }
            OrderRules.Rule rule = OrderRules.of(real).rules().get(0);
            double rawBroken = OrderRules.broken(raw, rule);
            assertTrue(rawBroken > 0.05, "the barely trained generator breaks start <= end: " + rawBroken);
            assertEquals(0.0, OrderRules.broken(cal, rule), "calibrated rows keep it");
            assertEquals(Arrays.toString(column(raw, "count")),
                    Arrays.toString(column(s.sample(2000, 4, Map.of(), false), "count")), "reproducible");
            Path a = dir.resolve("a.csv");
            Path b = dir.resolve("b.csv");
            cal.writeCsv(a);
            try (RunGenerator again = RunGenerator.load(run, null, true)) {
                new TableSampler(again, run).sample(2000, 4, Map.of()).writeCsv(b);
            }
            assertEquals(Files.readString(a), Files.readString(b), "a new sampler fits the same calibration");
            Table b2 = s.sample(50, 4, Map.of("kind", "b"));
            for (int i = 0; i < b2.rows(); i++) {
                assertEquals("b", b2.cell(b2.columnIndex("kind"), i), "conditions stay exact");
            }
        }
    }

    @Test
    void aRunFolderWithoutTrainingRowsSamplesUncalibratedAndSaysWhy() throws Exception {
        // the run without its training rows for this test only (the other test reads them): moved aside, then back
        Path train = run.resolve("table/train.csv");
        Path aside = dir.resolve("train.csv.aside");
        Files.move(train, aside);
        try (RunGenerator g = RunGenerator.load(run, null, true)) {
            TableSampler s = new TableSampler(g, run);
            assertTrue(s.calibrationNote().contains("keeps no training rows (table/train.csv)"), s.calibrationNote());
            Path a = dir.resolve("u1.csv");
            Path b = dir.resolve("u2.csv");
            s.sample(300, 2, Map.of()).writeCsv(a);
            s.sample(300, 2, Map.of(), false).writeCsv(b);
            assertEquals(Files.readString(a), Files.readString(b));
            assertNotEquals(Files.readString(a), "");
        } finally {
            Files.move(aside, train);
        }
    }

    @Test
    void orderingsDeclaredInTheSchemaReplaceTheFoundOnes() throws Exception {
        Path none = dir.resolve("none.json");
        Files.writeString(none, "{\"orderings\": []}");
        Path declared = train("declared", none.toString());
        try (RunGenerator g = RunGenerator.load(declared, null, true)) {
            TableSampler s = new TableSampler(g, declared);
            assertEquals("numbers calibrated to the training rows' distributions in amount, count, start, end; no "
                    + "orderings kept (the schema declares none)", s.calibrationNote());
            OrderRules.Rule rule = OrderRules.of(TableRunFiles.training(run, null)).rules().get(0);
            assertTrue(OrderRules.broken(s.sample(2000, 4, Map.of(), true), rule) > 0.01,
                    "start <= end, found in the rows but declared away, is not enforced");
        }
        Path reversed = dir.resolve("reversed.json");
        Files.writeString(reversed, "{\"orderings\": [\"end <= count\"]}");
        Path other = train("reversed", reversed.toString());
        try (RunGenerator g = RunGenerator.load(other, null, true)) {
            TableSampler s = new TableSampler(g, other);
            assertTrue(s.calibrationNote().endsWith("rows kept in the orderings the schema declares: end <= count"),
                    s.calibrationNote());
            Table cal = s.sample(2000, 4, Map.of(), true);
            OrderRules declaredRules = OrderRules.of(TableRunFiles.training(other, null));
            assertEquals("[end <= count]", declaredRules.rules().toString(), "read back from the run folder");
            assertEquals(0.0, OrderRules.broken(cal, declaredRules.rules().get(0)), "kept in every row");
        }
    }
}
