package org.jgan.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataSources;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.eval.FeatureCache;
import org.jgan.metrics.features.Extractors;
import org.jgan.metrics.features.FeatureExtractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code spark-submit} entry point: {@code generate} writes generated images as Parquet (Spark's own writer),
 * {@code fid} scores a Parquet folder of them against real data. Argument parsing plus the library calls of
 * {@link SparkGenerator} and {@link SparkFid}; the master, executors and cores come from spark-submit.
 */
@Command(name = "jgan-spark", mixinStandardHelpOptions = true, subcommands = {SparkJobs.Generate.class,
        SparkJobs.Rows.class, SparkJobs.Score.class, SparkJobs.Train.class}, description = "jgan jobs on Apache Spark.")
public final class SparkJobs implements Runnable {
    public static void main(String[] args) {
        int code = commandLine().execute(args);
        // Stopped before the JVM exits, so the master records the application as finished; otherwise the session
        // stops in a shutdown hook, and a local-cluster master's in-process workers try to replace the executors
        // it is stopping.
        scala.Option<SparkSession> session = SparkSession.getDefaultSession();
        if (session.isDefined()) {
            session.get().stop();
        }
        System.exit(code);
    }

    /** The command line with jgan's error handling: a refused input is one line and exit code 2, no stack trace. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SparkJobs());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            String refused = refusal(e);
            if (refused != null) {
                cmd.getErr().println("jgan-spark " + cmd.getCommandName() + ": error: " + refused);
                return 2;
            }
            if (e instanceof WorkerFailedException) {
                // the library says "with resume"; here that is the same command with --resume
                cmd.getErr().println("jgan-spark " + cmd.getCommandName() + ": error: "
                        + e.getMessage().replace("with resume", "with --resume"));
                return 1;
            }
            throw e;
        });
        return cl;
    }

    /**
     * The message of a refused input (ConfigException, DataException), also when a task threw it on an executor:
     * Spark then wraps it in a SparkException whose cause is the refusal (local mode) or whose message quotes it
     * (a cluster); null for anything else.
     */
    static String refusal(Throwable e) {
        List<Class<?>> refusals = List.of(ConfigException.class, org.jgan.core.data.DataException.class);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (refusals.contains(t.getClass())) {
                return t.getMessage();
            }
        }
        if (!(e instanceof org.apache.spark.SparkException) || e.getMessage() == null) {
            return null;
        }
        for (Class<?> r : refusals) {
            int at = e.getMessage().indexOf(r.getName() + ": ");
            if (at >= 0) {
                return e.getMessage().substring(at + r.getName().length() + 2).lines().findFirst().orElse("");
            }
        }
        return null;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static SparkSession session(String app) {
        return SparkSession.builder().appName(app).getOrCreate();
    }

    /** What generate and rows share: seeds from --from over --partitions, written as Parquet to --out. */
    static final class SeedsOut {
        @Option(names = "--from", defaultValue = "0", description = "First seed (default 0).")
        long from;
        @Option(names = "--partitions", description = "Partitions (default: Spark's default parallelism).")
        Integer partitions;
        @Option(names = "--out", required = true, description = "Parquet folder to write (replaced).")
        String out;

        /** Seeds FROM .. FROM+N-1 as the column "seed". */
        Dataset<Row> seeds(SparkSession spark, long n) {
            int parts = partitions != null ? partitions : spark.sparkContext().defaultParallelism();
            return spark.range(from, from + n, 1, parts).toDF(SparkGenerator.SEED);
        }

        void write(Dataset<Row> rows) {
            rows.write().mode(SaveMode.Overwrite).parquet(out);
        }
    }

    /** {@code generate}: one image per seed (and class), as Parquet. */
    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate images from a run folder "
            + "(readable at the same path on every executor) into a Parquet folder.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--run", required = true, description = "The run folder.")
        String run;
        @Option(names = "--count", required = true, description = "Images: seeds FROM .. FROM+COUNT-1.")
        long count;
        @Option(names = "--class", description = "Class of every image (conditional runs).")
        String cls;
        @CommandLine.Mixin
        SeedsOut seeds;

        @Override
        public Integer call() {
            ConfigException.check(count >= 1, "--count must be at least 1, got " + count);
            Dataset<Row> asked = seeds.seeds(session("jgan generate"), count);
            if (cls != null) {
                asked = asked.withColumn(SparkGenerator.CLASS, org.apache.spark.sql.functions.lit(cls));
            }
            long t0 = System.nanoTime();
            seeds.write(SparkGenerator.images(asked, Path.of(run).toAbsolutePath().toString()));
            System.out.printf("generate: %d images in %d partitions -> %s (%.1f s)%n", count,
                    asked.rdd().getNumPartitions(), seeds.out, (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    /** {@code rows}: table rows from a ctgan run, as Parquet. */
    @Command(name = "rows", mixinStandardHelpOptions = true, description = "Sample table rows from a ctgan run "
            + "(readable at the same path on every executor) into a Parquet folder: --requests samples of --count "
            + "rows, seeds FROM .. FROM+REQUESTS-1, each the rows jgan sample --count COUNT --seed SEED writes.")
    static final class Rows implements Callable<Integer> {
        @Option(names = "--run", required = true, description = "The run folder (a ctgan run).")
        String run;
        @Option(names = "--count", required = true, description = "Rows per request.")
        int count;
        @Option(names = "--requests", defaultValue = "1", description = "Requests, one seed each (default 1).")
        long requests;
        @Option(names = "--where", description = "COLUMN=VALUE every row must have (repeatable), as jgan sample.")
        java.util.List<String> where = new java.util.ArrayList<>();
        @CommandLine.Mixin
        SeedsOut seeds;

        @Override
        public Integer call() {
            ConfigException.check(count >= 1, "--count must be at least 1, got " + count);
            ConfigException.check(requests >= 1, "--requests must be at least 1, got " + requests);
            for (String w : where) {
                // the request column joins conditions with commas: a value holding one would split
                ConfigException.check(w.indexOf('=') > 0 && w.indexOf(',') < 0, "--where takes COLUMN=VALUE "
                        + "without commas, got '" + w + "'");
            }
            Dataset<Row> asked = seeds.seeds(session("jgan rows"), requests)
                    .withColumn(SparkGenerator.COUNT, org.apache.spark.sql.functions.lit(count));
            if (!where.isEmpty()) {
                asked = asked.withColumn(SparkGenerator.WHERE, org.apache.spark.sql.functions.lit(String.join(",",
                        where)));
            }
            long t0 = System.nanoTime();
            seeds.write(SparkGenerator.rows(asked, Path.of(run).toAbsolutePath().toString()));
            System.out.printf("rows: %d requests of %d rows in %d partitions -> %s (%.1f s)%n", requests, count,
                    asked.rdd().getNumPartitions(), seeds.out, (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    /** {@code train}: data-parallel training, one jgan trainer per task. */
    @Command(name = "train", mixinStandardHelpOptions = true, description = "Data-parallel training: --workers "
            + "barrier tasks, gradients averaged every step (Gloo); the run folder is written by worker 0.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--model", description = "Model (its preset is the starting config; default dcgan).")
        String model = "dcgan";
        @Option(names = "--data", description = "Training data, readable by every worker at the same path.")
        String data;
        @Option(names = "--batch", description = "Global batch, split evenly over the workers.")
        Integer batch;
        @Option(names = "--steps", required = true, description = "Train until this global step.")
        long steps;
        @Option(names = "--workers", defaultValue = "2", description = "Workers (barrier tasks; default 2).")
        int workers;
        @Option(names = "--set", description = "Override a config value (repeatable), as jgan train --set.")
        java.util.List<String> sets = new java.util.ArrayList<>();
        @Option(names = "--out", required = true, description = "The run folder (worker 0 writes it).")
        String out;
        @Option(names = "--resume", description = "Continue the run in --out from its latest checkpoint.")
        boolean resume;

        @Override
        public Integer call() {
            Path run = Path.of(out).toAbsolutePath();
            org.jgan.core.config.TrainConfig base;
            if (resume) {
                base = new org.jgan.core.train.RunDir(run).readConfig();
            } else {
                var b = org.jgan.api.Jgan.config(model);
                if (data != null) {
                    b = b.data(data);
                }
                if (batch != null) {
                    b = b.batch(batch);
                }
                base = b.build();
            }
            var s = base.schedule();
            org.jgan.core.config.TrainConfig config = org.jgan.core.config.ConfigJson.withOverrides(
                    base.withSchedule(new org.jgan.core.config.ScheduleConfig(0, steps, s.logEvery(), s.sampleEvery(),
                            s.checkpointEvery(), s.keepCheckpoints(), s.sampleCount())), sets,
                    org.jgan.core.config.TrainConfig.class);
            var outcome = SparkTrainer.train(session("jgan train"), config, run, workers, resume);
            System.out.println("train: " + workers + " workers reached step " + outcome.get(0).step() + " -> " + run);
            return 0;
        }
    }

    /** {@code fid}: scores of a Parquet folder of generated images against real data or a statistics file. */
    @Command(name = "fid", mixinStandardHelpOptions = true, description = "Score generated images (a Parquet "
            + "folder written by generate): FID, Inception Score and class coverage over all of them; KID and "
            + "precision/recall on a seeded subsample (against a data set; an .npz reference gives FID only).")
    static final class Score implements Callable<Integer> {
        @Option(names = "--images", required = true, description = "Parquet folder of generated images.")
        String images;
        @Option(names = "--reference", defaultValue = "fashion-mnist:test", description = "Real data or .npz "
                + "(default: ${DEFAULT-VALUE}).")
        String reference;
        @Option(names = "--features", defaultValue = Extractors.BUILTIN, description = "Feature extractor "
                + "(default: ${DEFAULT-VALUE}).")
        String features;
        @Option(names = "--subsample", defaultValue = "10000", description = "Most images in the KID and "
                + "precision/recall subsample (default: ${DEFAULT-VALUE}).")
        int subsample;
        @Option(names = "--seed", defaultValue = "0", description = "Seed of the subsample (default 0).")
        long seed;

        @Override
        public Integer call() throws Exception {
            ConfigException.check(subsample >= 0, "--subsample must be 0 or more, got " + subsample);
            SparkSession spark = session("jgan fid");
            Dataset<Row> imgs = spark.read().parquet(images);
            if (reference.endsWith(".npz")) {
                var m = SparkFid.moments(imgs, features, 2);
                System.out.printf("fid: %.4f over %d images against %s (%s)%n",
                        org.jgan.metrics.Fid.distance(m.toFidStats(images), FidStats.load(Path.of(reference))),
                        m.count(), reference, features);
                return 0;
            }
            org.jgan.metrics.eval.Reference ref;
            try (FeatureExtractor fx = Extractors.open(features)) {
                ref = FeatureCache.defaultCache().reference(fx, DataSources.open(reference));
            }
            long t0 = System.nanoTime();
            SparkEvaluation e = SparkEval.evaluate(imgs, features, ref, subsample, seed);
            System.out.printf("fid: %.4f over %d images against %s (%s; %.1f s)%n", e.fid(), e.count(), reference,
                    features, (System.nanoTime() - t0) / 1e9);
            System.out.printf("inception score (one split): %.4f, classes covered: %d%n", e.inceptionScore(),
                    e.classesCovered());
            if (e.subsample() == 0) {
                System.out.println("kid, precision and recall: not computed (a subsample of 0 images)");
            } else {
                System.out.printf("on a subsample of %d: kid %.5f, precision %.4f, recall %.4f%n", e.subsample(),
                        e.kid(), e.precision(), e.recall());
            }
            return 0;
        }
    }
}
