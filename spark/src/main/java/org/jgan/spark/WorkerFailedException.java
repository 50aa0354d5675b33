package org.jgan.spark;

/**
 * Data-parallel training ({@link SparkTrainer}) stopped because a worker's task failed or its executor was lost. Spark
 * does not retry a failed barrier stage that returns results, and the other workers cannot go on without the lost
 * one's gradients (Gloo reports the broken connection), so the job ends; the run folder keeps every checkpoint worker
 * 0 wrote, and training continues from the latest of them with {@code resume}. The message names Spark's reason, the
 * run folder and that checkpoint.
 */
public final class WorkerFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkerFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
