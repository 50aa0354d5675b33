package org.jgan.metrics.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which real data a run is compared with by default. */
public final class References {
    private References() {
    }

    /**
     * The test split that goes with a data spec: {@code fashion-mnist[:train]} gives {@code fashion-mnist:test}, a
     * folder of MNIST-style IDX files with a {@code t10k} pair gives {@code DIR:test}; null when there is none.
     */
    public static String testSplitOf(String spec) {
        if (spec == null) {
            return null;
        }
        String base = spec.endsWith(":train") ? spec.substring(0, spec.length() - ":train".length()) : spec;
        if (base.equals("fashion-mnist")) {
            return "fashion-mnist:test";
        }
        if (base.endsWith(":test")) {
            return spec;
        }
        Path dir = Path.of(base);
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.anyMatch(p -> p.getFileName().toString().startsWith("t10k-images"))) {
                    return base + ":test";
                }
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The reference a run trained on {@code trainingData} is evaluated against: its test split when it has one
     * (FID against held-out data also catches a generator that memorises), else the training data itself.
     */
    public static String defaultFor(String trainingData) {
        String test = testSplitOf(trainingData);
        return test != null ? test : trainingData;
    }

    /** The training split of a spec, for the real-data floor: {@code fashion-mnist:test} gives the train split. */
    public static String trainSplitOf(String spec) {
        return spec.endsWith(":test") ? spec.substring(0, spec.length() - ":test".length()) + ":train" : spec;
    }
}
