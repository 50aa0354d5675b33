package org.jgan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.api.synthetic.ClassifierJudge;
import org.jgan.api.synthetic.ConfidenceFilter;
import org.jgan.api.synthetic.ConfidenceJudge;
import org.jgan.api.synthetic.ExportFormat;
import org.jgan.api.synthetic.FilteredSet;
import org.jgan.api.synthetic.LabelledGenerator;
import org.jgan.api.synthetic.SyntheticSets;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.AtomicFiles;
import org.jgan.engine.Torch;
import org.jgan.models.RunGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan augment}: a labelled synthetic data set from a conditional run, in ordinary formats, optionally mixed
 * with real data, with a manifest saying exactly where every image came from.
 */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = "Export a labelled synthetic data set from a conditional run (IDX, class folders or .npy).")
public final class AugmentCommand implements Callable<Integer> {
    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--count-per-class", required = true, description = "Synthetic images per class.")
    int perClass;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--format", defaultValue = "idx", description = "idx (MNIST file names), folders (one "
            + "sub-folder of PNGs per class) or npy (images.npy uint8 N x H x W [x C], labels.npy int64).")
    String format;

    @Option(names = "--seed", defaultValue = "0", description = "Latent seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-confidence", description = "Keep only images the built-in classifier assigns to their "
            + "class with at least this probability (drawing more until each class is full).")
    Double minConfidence;

    @Option(names = "--mix-with", description = "Real data to mix in (any --data source: fashion-mnist, a folder...).")
    String mixWith;

    @Option(names = "--ratio", defaultValue = "1.0", description = "With --mix-with: synthetic images per real image "
            + "(default: ${DEFAULT-VALUE}); real images are all kept.")
    double ratio;

    @Override
    public Integer call() throws Exception {
        if (perClass < 1 || perClass > 100_000) {
            throw new ConfigException("--count-per-class must be in 1..100000, got " + perClass);
        }
        if (minConfidence != null && !(minConfidence > 0 && minConfidence < 1)) {  // NaN fails too
            throw new ConfigException("--min-confidence must be in (0, 1), got " + minConfidence);
        }
        if (mixWith == null && ratio != 1.0) {
            throw new ConfigException("--ratio only applies with --mix-with");
        }
        if (!(ratio > 0) || Double.isInfinite(ratio)) {  // NaN fails too
            throw new ConfigException("--ratio must be a positive number, got " + ratio);
        }
        ExportFormat fmt = Arrays.stream(ExportFormat.values()).filter(f -> f.name().equalsIgnoreCase(format))
                .findFirst().orElseThrow(() -> new ConfigException("--format must be idx, folders or npy, got '"
                        + format + "'"));
        if (Files.exists(out) && Files.list(out).findAny().isPresent()) {
            throw new ConfigException(out + " is not empty; choose a new --out (nothing is overwritten)");
        }
        Torch.init();
        try (RunGenerator rg = run.generator()) {
            LabelledGenerator g = LabelledGenerator.of(rg);
            ImageDataset synthetic;
            if (minConfidence == null) {
                synthetic = SyntheticSets.generate(g, perClass, seed);
            } else {
                try (ClassifierJudge judge = ClassifierJudge.builtin()) {
                    synthetic = filtered(g, judge, minConfidence, perClass, seed);
                }
            }
            ImageDataset result = synthetic;
            int realCount = 0;
            if (mixWith != null) {
                ImageDataset real = DataSources.open(mixWith);
                result = SyntheticSets.mix(real, synthetic, ratio);
                realCount = real.size();
            }
            fmt.write(result, out);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("run", run.dir.toAbsolutePath().toString());
            manifest.put("checkpoint", rg.checkpoint().getFileName().toString());
            manifest.put("weights", rg.ema() ? "ema" : "raw");
            manifest.put("model", rg.config().model().name());
            manifest.put("seed", seed);
            manifest.put("format", fmt.name().toLowerCase(Locale.ROOT));
            manifest.put("classes", rg.classNames());
            manifest.put("synthetic_per_class", perClass);
            manifest.put("synthetic_total", synthetic.size());
            manifest.put("min_confidence", minConfidence);
            manifest.put("real_source", mixWith);
            manifest.put("real_total", realCount);
            manifest.put("total", result.size());
            manifest.put("shape", new int[]{result.channels(), result.height(), result.width()});
            AtomicFiles.writeString(out.resolve("manifest.json"), ConfigJson.toJson(manifest));
            System.out.printf("%s: %d images (%d synthetic, %d real) -> %s%n", manifest.get("format"), result.size(),
                    synthetic.size(), realCount, out);
        }
        return 0;
    }

    /**
     * {@code perClass} images per class that {@code judge} gives at least {@code minConfidence}; says on stderr how
     * many draws it took, and puts the option in front of the library's messages.
     */
    static ImageDataset filtered(LabelledGenerator g, ConfidenceJudge judge, double minConfidence, int perClass,
                                 long seed) {
        try {
            FilteredSet f = new ConfidenceFilter(minConfidence).generate(g, judge, perClass, seed);
            System.err.printf("--min-confidence %.2f (%s) kept %d of %d generated images%n", minConfidence,
                    judge.name(), f.kept(), f.drawn());
            return f.images();
        } catch (ConfigException e) {
            throw new ConfigException("--min-confidence " + minConfidence + ": " + e.getMessage());
        }
    }
}
