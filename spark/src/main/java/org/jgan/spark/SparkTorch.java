package org.jgan.spark;

import org.jgan.engine.Torch;

/**
 * libtorch inside Spark tasks: one intra-op thread per task. Spark runs one task per core it was given, so a task
 * that also spread its tensors over every core would oversubscribe them (each executor core running N libtorch
 * threads); with one thread each, the cores Spark schedules are the cores libtorch uses. {@code JGAN_SPARK_THREADS}
 * overrides it for executors that run fewer tasks than they have cores.
 */
final class SparkTorch {
    private SparkTorch() {
    }

    static void ensure() {
        String env = System.getenv("JGAN_SPARK_THREADS");
        int n = 1;
        if (env != null && !env.isBlank()) {
            try {
                n = Math.max(1, Integer.parseInt(env.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("JGAN_SPARK_THREADS must be a whole number, got " + env);
            }
        }
        Torch.init(n);
    }
}
