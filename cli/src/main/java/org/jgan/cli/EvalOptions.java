package org.jgan.cli;

import org.jgan.api.Training;
import org.jgan.core.config.ConfigException;
import org.jgan.metrics.features.Extractors;
import picocli.CommandLine.Option;


/** The evaluation options of {@code jgan train} (a picocli mixin). */
final class EvalOptions {
    @Option(names = "--eval-every", description = "Evaluate every N steps and at the end: metrics into "
            + "metrics.jsonl, checkpoints/best at the lowest FID, mode-collapse warnings.")
    Long every;

    @Option(names = "--eval-count", defaultValue = "10000",
            description = "Samples per evaluation (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--eval-features", description = "classifier:builtin (default), inception:PATH or "
            + "classifier:PATH.")
    String features;

    @Option(names = "--eval-reference", description = "Real data to compare with (default: the test split of "
            + "--data, else the training data).")
    String reference;

    /** Sets the evaluation of {@code training} when --eval-every is given. */
    void apply(Training training) throws java.io.IOException {
        if (every == null) {
            return;
        }
        if (every < 1 || every > Integer.MAX_VALUE) {
            throw new ConfigException("--eval-every must be a positive step count, got " + every);
        }
        if (count < 2) {
            throw new ConfigException("--eval-count must be at least 2, got " + count);
        }
        // The extractor opens when training starts; open it once here so a bad spec is named by its flag.
        Flags.named("--eval-features", () -> {
            Extractors.open(features).close();
            return null;
        });
        training.evaluateEvery(every, count).evalFeatures(features).evalReference(reference);
    }
}
