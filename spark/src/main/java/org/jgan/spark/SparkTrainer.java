package org.jgan.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.TrainConfig;

/**
 * Data-parallel training on Spark, as PyTorch's {@code TorchDistributor} does it: a barrier stage of {@code workers}
 * tasks (all scheduled together, or the stage waits), one jgan trainer per task, joined by libtorch's Gloo backend
 * over a {@code TCPStore} so gradients are averaged every step ({@link org.jgan.core.train.DataParallel}). The
 * config's {@code data.batch} is the global batch, split evenly. Worker 0 writes the run folder (readable by all
 * workers at the same path when resuming); a worker lost mid-run fails the stage, and {@link #train} throws
 * {@link WorkerFailedException} with Spark's reason and the latest checkpoint, from which {@code resume} continues.
 */
public final class SparkTrainer {
    private SparkTrainer() {
    }

    /** Trains {@code config} with {@code workers} tasks into {@code runDir}; the workers' outcomes, worker 0 first. */
    public static List<TrainOutcome> train(SparkSession spark, TrainConfig config, Path runDir, int workers,
                                           boolean resume) {
        ConfigException.check(workers >= 1, "data-parallel training needs at least 1 worker, got " + workers);
        ConfigException.check(config.data().batch() % workers == 0, "data.batch (" + config.data().batch()
                + ") must be a multiple of the " + workers + " workers");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Integer> ids = IntStream.range(0, workers).boxed().toList();
        TrainPartition task = new TrainPartition(ConfigJson.toJson(config), runDir.toAbsolutePath().toString(), resume);
        TrainOutcome[] got;
        try {
            // RDD.barrier() has no Java wrapper: the Scala RDD's, with the task as a Scala function
            got = (TrainOutcome[]) jsc.parallelize(ids, workers).rdd().barrier().mapPartitions(new BarrierTask(task),
                    false, scala.reflect.ClassTag$.MODULE$.apply(TrainOutcome.class)).collect();
        } catch (Exception e) {  // Scala declares nothing: SparkException, a checked type, arrives undeclared
            if (e instanceof org.apache.spark.SparkException) {
                throw lost(e.getMessage(), runDir, e);
            }
            throw e;
        }
        List<TrainOutcome> out = new ArrayList<>(Arrays.asList(got));
        out.sort(Comparator.comparingInt(TrainOutcome::rank));
        for (TrainOutcome o : out) {
            if (!Arrays.equals(o.weights(), out.get(0).weights())) {
                throw new IllegalStateException("worker " + o.rank() + " ended with other weights than worker 0: "
                        + "the gradients were not averaged the same way");
            }
        }
        return out;
    }

    /** Spark's reason for the failed stage, without its stack traces, and where training can continue from. */
    static WorkerFailedException lost(String sparkMessage, Path runDir, Exception cause) {
        String latest;
        try {
            // With a config.json but no checkpoint, resume starts the run over; without one there is no run yet.
            String none = java.nio.file.Files.exists(runDir.resolve("config.json"))
                    ? "has no checkpoint yet; train again with resume to start it over"
                    : "holds no run yet; train again";
            latest = org.jgan.core.train.Checkpoints.latest(runDir.toAbsolutePath())
                    .map(p -> "keeps its checkpoints up to " + p.getFileName() + "; train again with resume to "
                            + "continue from there").orElse(none);
        } catch (java.io.IOException | RuntimeException e) {
            latest = "could not be read (" + e.getMessage() + ")";
        }
        String why = reason(sparkMessage);
        for (Class<?> refusal : List.of(ConfigException.class, org.jgan.core.data.DataException.class)) {
            if (why.startsWith(refusal.getName() + ": ")) {
                // the job's own input was refused on a worker: resuming as it is would fail the same way
                return new WorkerFailedException("data-parallel training stopped: a worker refused the job ("
                        + why.substring(refusal.getName().length() + 2) + "); mend that first; the run folder "
                        + runDir.toAbsolutePath() + " " + latest, cause);
            }
        }
        return new WorkerFailedException("data-parallel training stopped: a worker failed (" + why
                + "); the run folder " + runDir.toAbsolutePath() + " " + latest, cause);
    }

    /** The line after Spark's "finished unsuccessfully" (the task's own error), else Spark's first line. */
    static String reason(String sparkMessage) {
        if (sparkMessage == null || sparkMessage.isBlank()) {
            return "no reason given";
        }
        List<String> lines = sparkMessage.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("at ") && !l.startsWith("...")).toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).endsWith("finished unsuccessfully.")) {
                return lines.get(i + 1);
            }
        }
        return lines.get(0);
    }
}
