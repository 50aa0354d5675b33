package org.jgan.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jgan.api.GanModel;
import org.jgan.api.Jgan;
import org.jgan.api.Samples;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.engine.Torch;
import org.jgan.metrics.FeatureMoments;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.Fid;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.features.Extractors;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.DatasetSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark jobs on {@code local[2]} (two tasks on this machine): generation matches the single-process sampler image for
 * image, and the FID over partitions equals the single-process FID on the same images.
 */
class SparkJobsTest {
    @TempDir
    static Path tmp;
    static Path run;
    static SparkSession spark;

    @BeforeAll
    static void start() throws IOException {
        Torch.init(1);
        run = cganRun(tmp, 48);
        spark = SparkSession.builder().master("local[2]").appName("jgan-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    /**
     * A cgan run of 2 steps in {@code dir/cgan}, trained on {@code n} labelled shapes of 3 classes written as IDX
     * files to {@code dir/idx}.
     */
    static Path cganRun(Path dir, int n) throws IOException {
        ImageDataset d = SyntheticData.shapes(n, 28, 3);
        Path data = Files.createDirectories(dir.resolve("idx"));
        IdxWriter.write(data.resolve("train-images-idx3-ubyte"), new int[]{n, 28, 28}, d.pixels());
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) d.labels()[i];
        }
        IdxWriter.write(data.resolve("train-labels-idx1-ubyte"), new int[]{n}, labels);
        Path run = dir.resolve("cgan");
        Jgan.train(Jgan.config("cgan").data(data.toString()).batch(8).width(8).steps(2)
                .sampleAndCheckpointEvery(2, 2).build(), run).run();
        return run;
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static Dataset<Row> requests(int n, boolean withClass) {
        StructType s = new StructType().add("seed", DataTypes.LongType, false);
        if (withClass) {
            s = s.add("class", DataTypes.StringType, true);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(withClass ? RowFactory.create(1000L + i, i % 3 == 0 ? null : String.valueOf(i % 3))
                    : RowFactory.create(1000L + i));
        }
        return spark.createDataFrame(rows, s).repartition(3);
    }

    @Test
    void generatesTheSingleProcessImagesAndTheExactFid() throws IOException {
        List<Row> out = SparkGenerator.images(requests(30, true), run.toString()).collectAsList();
        assertEquals(30, out.size());
        try (GanModel m = Jgan.load(run)) {
            for (Row r : out) {
                long seed = r.getLong(0);
                String cls = r.isNullAt(1) ? String.valueOf(seed % 3) : r.getString(1);
                assertEquals(cls, r.getString(1), "a row without a class gets the seed's class, seed mod 3");
                Samples s = m.sampleClass(cls, 1, seed);
                assertArrayEquals(s.pixels(), (byte[]) r.getAs("pixels"), "seed " + seed + " class " + cls);
            }
        }
        Dataset<Row> images = SparkGenerator.images(requests(160, false), run.toString());
        FeatureMoments spread = SparkFid.moments(images, Extractors.BUILTIN, 2);
        assertEquals(160, spread.count());
        // The same images in one process: features extracted in the same groups as the partitions (a convolution's
        // float32 result depends on the batch it runs in: extracting all 160 at once moves FID by about 1e-9
        // relative), then one FeatureSet and FidStats.of, the single-process path.
        List<Row> all = images.withColumn("part", org.apache.spark.sql.functions.spark_partition_id())
                .collectAsList();
        java.util.Map<Integer, List<byte[]>> parts = new java.util.TreeMap<>();
        for (Row r : all) {
            parts.computeIfAbsent(r.getInt(r.fieldIndex("part")), k -> new ArrayList<>()).add(r.getAs("pixels"));
        }
        FidStats single;
        FidStats reference;
        try (FeatureExtractor fx = Extractors.open(Extractors.BUILTIN)) {
            float[] feats = new float[160 * fx.dim()];
            int at = 0;
            for (List<byte[]> p : parts.values()) {
                byte[] px = new byte[p.size() * 784];
                for (int i = 0; i < p.size(); i++) {
                    System.arraycopy(p.get(i), 0, px, i * 784, 784);
                }
                FeatureSet f = FeatureRunner.extract(fx, new DatasetSource(new ImageDataset("part", 1, 28, 28, px,
                        null, List.of())));
                System.arraycopy(f.features(), 0, feats, at, f.features().length);
                at += f.features().length;
            }
            assertEquals(feats.length, at);
            single = FidStats.of(new FeatureSet("all", fx.name(), 160, fx.dim(), feats, 0, null));
            reference = FidStats.of(FeatureRunner.extract(fx, new DatasetSource(SyntheticData.shapes(200, 28, 9))));
        }
        assertTrue(parts.size() >= 2, "the images were spread over " + parts.size() + " partitions");
        double a = Fid.distance(spread.toFidStats("spark"), reference);
        double b = Fid.distance(single, reference);
        assertEquals(b, a, 1e-9 * Math.abs(b), "FID over partitions " + a + " against one process " + b);
        assertEquals(a, SparkFid.fid(images, Extractors.BUILTIN, reference), 1e-9 * Math.abs(a));
    }

    @Test
    void evaluatesExactlyWhereItCanAndOnASeededSubsampleWhereItCannot() throws IOException {
        Dataset<Row> images = SparkGenerator.images(requests(160, false), run.toString()).cache();
        org.jgan.metrics.eval.Reference ref;
        FeatureSet all;
        try (FeatureExtractor fx = Extractors.open(Extractors.BUILTIN)) {
            ref = org.jgan.metrics.eval.Reference.of(FeatureRunner.extract(fx,
                    new DatasetSource(SyntheticData.shapes(300, 28, 9))));
            List<Row> rows = images.collectAsList();
            byte[] px = new byte[160 * 784];
            for (int i = 0; i < 160; i++) {
                System.arraycopy((byte[]) rows.get(i).getAs("pixels"), 0, px, i * 784, 784);
            }
            all = FeatureRunner.extract(fx, new DatasetSource(new ImageDataset("all", 1, 28, 28, px, null,
                    List.of())));
        }
        SparkEvaluation a = SparkEval.evaluate(images, Extractors.BUILTIN, ref, 60, 7);
        SparkEvaluation b = SparkEval.evaluate(images, Extractors.BUILTIN, ref, 60, 7);
        assertEquals(160, a.count());
        assertEquals(60, a.subsample());
        // the same seed, the same subsample: KID and precision/recall repeat exactly; FID to round-off (partitions
        // merge in the order they finish)
        assertEquals(a.kid(), b.kid());
        assertEquals(a.precision(), b.precision());
        assertEquals(a.fid(), b.fid(), 1e-9 * a.fid());
        // one split over all images; the features of one process batch differ from the partitions' by float32 noise
        assertEquals(org.jgan.metrics.InceptionScore.compute(all, 1).mean(), a.inceptionScore(), 1e-5);
        assertEquals(org.jgan.metrics.ClassCoverage.of(all).covered(), a.classesCovered());
        assertTrue(a.precision() >= 0 && a.precision() <= 1 && a.recall() >= 0 && a.recall() <= 1, a.toString());
        assertTrue(Double.isFinite(a.kid()), a.toString());
        images.unpersist();
    }

    @Test
    void theSubmittableJobsWriteParquetAndScoreIt() throws IOException {
        Path parquet = tmp.resolve("gen.parquet");
        int code = new picocli.CommandLine(new SparkJobs()).execute("generate", "--run", run.toString(), "--count",
                "140", "--from", "5", "--partitions", "2", "--out", parquet.toString());
        assertEquals(0, code);
        Dataset<Row> back = spark.read().parquet(parquet.toString());
        assertEquals(140, back.count());
        assertEquals(140, back.select("seed").distinct().count(), "no seed written twice or lost");
        Path npz = tmp.resolve("ref.npz");
        try (FeatureExtractor fx = Extractors.open(Extractors.BUILTIN)) {
            FidStats.of(FeatureRunner.extract(fx, new DatasetSource(SyntheticData.shapes(200, 28, 9)))).save(npz);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            code = new picocli.CommandLine(new SparkJobs()).execute("fid", "--images", parquet.toString(),
                    "--reference", npz.toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        double expected = SparkFid.fid(back, Extractors.BUILTIN, FidStats.load(npz));
        assertTrue(out.toString().contains(String.format("fid: %.4f over 140 images", expected)), out.toString());
    }

    /** A ctgan run (2 steps) on a small table of a category k, a number x and an integer n. */
    static Path tableRun(String name) throws IOException {
        Path csv = tmp.resolve(name + ".csv");
        StringBuilder sb = new StringBuilder("k,x,n\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (int i = 0; i < 120; i++) {
            sb.append(i % 4 == 0 ? "b" : "a").append(',').append(String.format("%.3f", r.nextGaussian())).append(',')
                    .append(r.nextInt(500)).append('\n');
        }
        Files.writeString(csv, sb);
        Path table = tmp.resolve(name);
        Jgan.train(Jgan.config("ctgan").data(csv.toString()).batch(40).steps(2).sampleAndCheckpointEvery(2, 2)
                .build(), table).run();
        return table;
    }

    @Test
    void theRowsCommandWritesTheSingleProcessRows() throws IOException {
        Path table = tableRun("ctgan-rows");
        Path parquet = tmp.resolve("rows.parquet");
        int code = new picocli.CommandLine(new SparkJobs()).execute("rows", "--run", table.toString(), "--count",
                "10", "--requests", "3", "--from", "5", "--where", "k=b", "--partitions", "2", "--out",
                parquet.toString());
        assertEquals(0, code);
        List<Row> back = spark.read().parquet(parquet.toString()).collectAsList();
        assertEquals(30, back.size());
        try (GanModel m = Jgan.load(table)) {
            for (long seed = 5; seed < 8; seed++) {
                org.jgan.core.data.table.Table t = m.sampleRows(10, seed, java.util.Map.of("k", "b"));
                for (Row row : back) {
                    if (row.getLong(0) == seed) {
                        int i = row.getInt(1);
                        assertEquals("b", row.getString(2));
                        assertEquals(t.number(1, i), row.getDouble(3), 0.0, "seed " + seed + " row " + i);
                        assertEquals((long) t.number(2, i), row.getLong(4));
                    }
                }
            }
        }
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = SparkJobs.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        assertEquals(2, cl.execute("rows", "--run", table.toString(), "--count", "5", "--where", "k=z", "--out",
                parquet.toString()), "a category the run never saw, refused on an executor: " + err);
        assertTrue(err.toString().startsWith("jgan-spark rows: error: ") && err.toString().contains("\"z\"")
                && !err.toString().contains("\tat "), err.toString());
        assertEquals("the refusal's line", SparkJobs.refusal(new org.apache.spark.SparkException("Job aborted due to "
                + "stage failure: Lost task 0.0 (TID 3) (10.0.0.2 executor 1): org.jgan.core.config.ConfigException: "
                + "the refusal's line\n\tat org.jgan.X.y(X.java:1)")));
        assertEquals(null, SparkJobs.refusal(new IllegalStateException("a bug")));
        assertEquals(2, SparkJobs.commandLine().execute("rows", "--run", table.toString(),
                "--count", "10", "--where", "k=b,c", "--out", parquet.toString()), "a comma in --where is refused");
    }

    @Test
    void tableRowsAreTheSingleProcessRows() throws IOException {
        Path table = tableRun("ctgan");
        StructType s = new StructType().add("seed", DataTypes.LongType).add("count", DataTypes.IntegerType)
                .add("where", DataTypes.StringType);
        Dataset<Row> q = spark.createDataFrame(List.of(RowFactory.create(1L, 30, null),
                RowFactory.create(2L, 10, "k=b")), s).repartition(2);
        List<Row> out = SparkGenerator.rows(q, table.toString()).collectAsList();
        assertEquals(40, out.size());
        try (GanModel m = Jgan.load(table)) {
            org.jgan.core.data.table.Table one = m.sampleRows(30, 1, java.util.Map.of());
            org.jgan.core.data.table.Table two = m.sampleRows(10, 2, java.util.Map.of("k", "b"));
            for (Row row : out) {
                org.jgan.core.data.table.Table t = row.getLong(0) == 1 ? one : two;
                int i = row.getInt(1);
                assertEquals(t.cell(0, i), row.getString(2));
                assertEquals(t.number(1, i), row.getDouble(3), 0.0);
                assertEquals((long) t.number(2, i), row.getLong(4));
                if (row.getLong(0) == 2) {
                    assertEquals("b", row.getString(2));
                }
            }
        }
    }

    @Test
    void requestsWithoutASeedColumnAreRefused() {
        Dataset<Row> bad = spark.range(3).toDF("id");
        var e = assertThrows(ConfigException.class, () -> SparkGenerator.images(bad, run.toString()));
        assertTrue(e.getMessage().contains("need a long column \"seed\""), e.getMessage());
        Dataset<Row> asked = spark.range(3).toDF("seed").withColumn("count", org.apache.spark.sql.functions.lit(2));
        e = assertThrows(ConfigException.class, () -> SparkGenerator.rows(asked, run.toString()));
        assertTrue(e.getMessage().endsWith("is a cgan run, not a table run (ctgan): it samples no rows"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> SparkGenerator.images(asked, tmp.resolve("none").toString()));
        assertTrue(e.getMessage().endsWith("not a jgan run folder (no config.json)"), e.getMessage());
    }
}
