package org.jgan.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jgan.api.GanModel;
import org.jgan.api.Jgan;
import org.jgan.core.train.Checkpoints;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs on a standalone cluster, {@code local-cluster[2,1,1024]}: Spark's own master and two workers run in this
 * JVM, and each worker launches its executor as a JVM of its own, as on a cluster. What crosses processes is tested
 * here and cannot be in local mode: tasks and results serialised, two executors training together over Gloo, an
 * executor killed in the middle of generation (Spark runs its tasks again) and in the middle of training (the job
 * stops with a message, and the run resumes to the weights of an uninterrupted one). The pom sets {@code SPARK_HOME},
 * where the workers look for Spark's jars; this JVM's class path is given to the executors instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path run;
    static String data;

    @BeforeAll
    static void start() throws IOException {
        Torch.init(1);
        run = SparkJobsTest.cganRun(tmp, 256);  // its 256 shapes are the data-parallel runs' data too
        data = tmp.resolve("idx").toString();
        String home = System.getenv("SPARK_HOME");
        assertTrue(home != null, "SPARK_HOME is set for this test (spark/pom.xml)");
        Files.createDirectories(Path.of(home, "jars"));
        spark = SparkSession.builder().master("local-cluster[2,1,1024]").appName("jgan-cluster-test")
                .config("spark.ui.enabled", "false")
                .config("spark.executor.extraClassPath",
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")))
                // a barrier stage checks for free slots this often (15 s by default) while a killed executor's
                // replacement starts
                .config("spark.scheduler.barrier.maxConcurrentTasksCheck.interval", "1s")
                .config("spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures", "300")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** The MLP GAN of {@link SparkTrainerTest} (no batch norm) on this test's shapes. */
    static org.jgan.core.config.TrainConfig config(long steps) {
        return Jgan.config("vanilla").data(data).batch(64).width(16).steps(steps).seed(3)
                .sampleAndCheckpointEvery(10, 10).build();
    }

    /**
     * Kills (SIGKILL) the JVM of executor {@code id} (any of this application's executors when null), a process
     * that this JVM's workers started; whether there was one.
     */
    static boolean killExecutor(String id) {
        String app = spark.sparkContext().applicationId();
        return ProcessHandle.current().descendants().filter(p -> {
            List<String> args = arguments(p.pid());
            int at = args.indexOf("--executor-id");
            return at >= 0 && at + 1 < args.size() && (id == null || args.get(at + 1).equals(id))
                    && args.contains(app);
        }).findFirst().map(ProcessHandle::destroyForcibly).orElse(false);
    }

    /** From /proc: ProcessHandle.Info leaves out the arguments of a command line this long (the class path). */
    static List<String> arguments(long pid) {
        try {
            return Arrays.asList(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();  // the process ended
        }
    }

    @Test
    @Order(1)  // on fresh executors: the first task also loads libtorch, so the kill lands while it runs
    void anExecutorKilledInTheMiddleOfGenerationLosesNoImage() throws IOException {
        AtomicReference<String> killed = new AtomicReference<>();
        AtomicInteger lost = new AtomicInteger();
        SparkListener killer = new SparkListener() {
            @Override
            public void onTaskStart(SparkListenerTaskStart start) {
                // the first task of the job: its executor dies while it loads the run or generates
                if (killed.compareAndSet(null, start.taskInfo().executorId())) {
                    killExecutor(start.taskInfo().executorId());
                }
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof ExecutorLostFailure) {
                    lost.incrementAndGet();
                }
            }
        };
        spark.sparkContext().addSparkListener(killer);
        Path out = tmp.resolve("generated.parquet");
        try {
            Dataset<Row> seeds = spark.range(0, 800, 1, 4).toDF(SparkGenerator.SEED);
            SparkGenerator.images(seeds, run.toString()).write().parquet(out.toString());
        } finally {
            spark.sparkContext().removeSparkListener(killer);
        }
        assertTrue(killed.get() != null && lost.get() >= 1, "an executor was killed while it ran a task (killed "
                + killed.get() + ", tasks lost " + lost.get() + ")");
        List<Row> rows = spark.read().parquet(out.toString()).collectAsList();
        assertEquals(800, rows.size(), "no image written twice");
        assertEquals(800, rows.stream().mapToLong(r -> r.getLong(0)).distinct().count(), "no seed lost");
        try (GanModel m = Jgan.load(run)) {
            for (Row r : rows) {
                long seed = r.getLong(0);
                assertArrayEquals(m.sampleClass(String.valueOf(seed % 3), 1, seed).pixels(),
                        (byte[]) r.getAs("pixels"), "seed " + seed);
            }
        }
    }

    @Test
    @Order(2)
    void twoExecutorsTrainAsOneTrainerAndALostOneStopsTheRunUntilItResumes() throws Exception {
        float[] one = SparkTrainerTest.single(config(20), tmp.resolve("single"));
        float[] two = SparkTrainer.train(spark, config(20), tmp.resolve("ddp"), 2, false).get(0)
                .weights();
        double rel = SparkTrainerTest.relative(one, two);
        assertTrue(rel < 1e-5, "two executors against one trainer: relative difference " + rel);

        long steps = 600;
        float[] straight = SparkTrainer.train(spark, config(steps), tmp.resolve("straight"), 2,
                false).get(0).weights();
        Path broken = tmp.resolve("broken");
        CompletableFuture<Object> job = CompletableFuture.supplyAsync(() ->
                SparkTrainer.train(spark, config(steps), broken, 2, false));
        // any checkpoint from step 20 on (the run keeps its newest 3, so step 20's may be gone when this looks)
        while (!job.isDone() && Checkpoints.latest(broken).map(c -> !c.getFileName().toString()
                .equals(Checkpoints.name(0)) && !c.getFileName().toString().equals(Checkpoints.name(10)))
                .orElse(true)) {
            Thread.sleep(5);
        }
        boolean killedOne = killExecutor(null);
        Throwable failure = null;
        try {
            job.get();
        } catch (java.util.concurrent.ExecutionException e) {
            failure = e.getCause();
        }
        assertTrue(killedOne, "an executor was killed");
        assertTrue(failure instanceof WorkerFailedException, "the job stopped with WorkerFailedException: " + failure);
        // the message names the latest checkpoint when the job failed (worker 0 may have written one more since)
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("keeps its checkpoints up to (step-\\d+); "
                + "train again with resume").matcher(failure.getMessage());
        assertTrue(failure.getMessage().contains(broken.toString()) && named.find(), failure.getMessage());
        String last = named.group(1);
        assertTrue(Files.exists(broken.resolve("checkpoints").resolve(last).resolve("state.json")), last);
        assertTrue(!last.equals(Checkpoints.name(steps)), "killed before the end: " + last);
        float[] resumed = SparkTrainer.train(spark, config(steps), broken, 2, true).get(0)
                .weights();
        assertEquals(0.0, SparkTrainerTest.relative(straight, resumed), 1e-7, "resumed after the loss, from " + last);
    }
}
