package org.jgan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link SparkTrainer} says when a worker fails: Spark's reason without stack traces, and what to do next. */
class WorkerFailedMessageTest {
    static final String LOST = "Job aborted due to stage failure: Could not recover from a failed barrier ResultStage. "
            + "Most recent failure reason: Stage failed because barrier task ResultTask(0, 1) finished unsuccessfully."
            + "\nExecutorLostFailure (executor 1 exited caused by one of the running tasks) Reason: Command exited with "
            + "code 137\nDriver stacktrace:\n\tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages"
            + "(DAGScheduler.scala:2856)";
    static final String THROWN = "Job aborted due to stage failure: Could not recover from a failed barrier "
            + "ResultStage. Most recent failure reason: Stage failed because barrier task ResultTask(0, 0) finished "
            + "unsuccessfully.\norg.jgan.core.config.ConfigException: data /nowhere: no such folder\n\tat org.jgan.core"
            + ".data.DataSources.open(DataSources.java:51)\n\t... 17 more\n";

    @TempDir
    Path tmp;

    @Test
    void theReasonIsTheTasksOwnLine() {
        assertEquals("ExecutorLostFailure (executor 1 exited caused by one of the running tasks) Reason: Command "
                + "exited with code 137", SparkTrainer.reason(LOST));
        assertEquals("org.jgan.core.config.ConfigException: data /nowhere: no such folder",
                SparkTrainer.reason(THROWN));
        assertEquals("Task not serializable", SparkTrainer.reason("Task not serializable\n\tat x.y(Z.java:1)"));
        assertEquals("no reason given", SparkTrainer.reason(null));
    }

    @Test
    void theMessageSaysWhereTrainingContinuesFrom() throws IOException {
        Path run = tmp.resolve("run");
        String m = SparkTrainer.lost(THROWN, run, new Exception()).getMessage();
        assertEquals("data-parallel training stopped: a worker refused the job (data /nowhere: no such folder); mend "
                + "that first; the run folder " + run.toAbsolutePath() + " holds no run yet; train again", m);
        Files.createDirectories(run);
        Files.writeString(run.resolve("config.json"), "{}");
        m = SparkTrainer.lost(LOST, run, new Exception()).getMessage();
        assertTrue(m.endsWith("has no checkpoint yet; train again with resume to start it over"), m);
        Path c = Files.createDirectories(run.resolve("checkpoints").resolve("step-000200"));
        Files.writeString(c.resolve("state.json"), "{}");
        m = SparkTrainer.lost(LOST, run, new Exception()).getMessage();
        assertTrue(m.startsWith("data-parallel training stopped: a worker failed (ExecutorLostFailure")
                && m.contains(run.toAbsolutePath() + " keeps its checkpoints up to step-000200; train again with "
                + "resume to continue from there"), m);
    }
}
