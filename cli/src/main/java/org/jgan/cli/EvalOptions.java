package org.jgan.cli;

import java.io.IOException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainListeners;
import org.jgan.metrics.eval.EvalListener;
import org.jgan.metrics.eval.FeatureCache;
import org.jgan.metrics.eval.Reference;
import org.jgan.metrics.eval.References;
import org.jgan.metrics.features.Extractors;
import org.jgan.metrics.features.FeatureExtractor;
import picocli.CommandLine.Option;

/** The evaluation options of {@code jgan train} (a picocli mixin), and the listener they attach. */
final class EvalOptions implements AutoCloseable {
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

    private FeatureExtractor fx;

    /** {@code progress} alone, or with an evaluation listener when --eval-every is given. */
    TrainListener listener(TrainListener progress, TrainConfig cfg, ImageDataset data) throws IOException {
        if (every == null) {
            return progress;
        }
        if (every < 1 || every > Integer.MAX_VALUE) {
            throw new org.jgan.core.config.ConfigException("--eval-every must be a positive step count, got "
                    + every);
        }
        String refSpec = reference != null ? reference : References.defaultFor(cfg.data().source());
        fx = Flags.named("--eval-features", () -> Extractors.open(features));
        // Before training starts (and writes the run folder): can the extractor read these images at all?
        fx.check(data.name(), data.channels(), data.height(), data.width());
        System.err.printf("evaluating every %d steps: %d samples against %s with %s%n", every, count, refSpec,
                fx.name());
        Reference ref = FeatureCache.defaultCache().reference(fx, DataSources.open(refSpec));
        // --eval-every is checked above: what the listener refuses is the sample count.
        EvalListener eval = Flags.named("--eval-count", () -> new EvalListener(fx, ref, every.intValue(), count,
                System.err::println));
        return TrainListeners.of(progress, eval);
    }

    @Override
    public void close() {
        if (fx != null) {
            fx.close();
        }
    }
}
