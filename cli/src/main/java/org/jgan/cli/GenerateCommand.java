package org.jgan.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jgan.api.GanModel;
import org.jgan.api.Samples;
import org.jgan.core.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jgan generate}: images from sentences with a text2image run. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate images from sentences with a text2image run (EMA weights when the run has them).")
public final class GenerateCommand implements Callable<Integer> {
    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--prompt", description = "A sentence, e.g. \"a light ankle boot\"; repeat for several.")
    List<String> prompts = new ArrayList<>();

    @Option(names = "--prompts", description = "A UTF-8 text file with one prompt per line (blank lines skipped).")
    Path promptsFile;

    @Option(names = "--count", defaultValue = "16", description = "Images per prompt, 1..1000000 (default: "
            + "${DEFAULT-VALUE}); a grid has one row per prompt.")
    long count;

    @Option(names = "--seed", defaultValue = "0", description = "Latent seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "grid",
            description = "png (one file per image in --out DIR), grid (one PNG), idx (IDX3 uint8 file, as MNIST).")
    SampleCommand.Format format;

    @Option(names = "--out", required = true, description = "Output file (grid, idx) or folder (png).")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<String> all = new ArrayList<>(prompts);
        if (promptsFile != null) {
            if (!Files.isRegularFile(promptsFile)) {
                throw new ConfigException("--prompts " + promptsFile + (Files.isDirectory(promptsFile)
                        ? ": is a folder; give a text file with one prompt per line" : ": no such file"));
            }
            try {
                Files.readAllLines(promptsFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                        .forEach(all::add);
            } catch (java.nio.charset.MalformedInputException e) {
                throw new ConfigException("--prompts " + promptsFile + ": not UTF-8 text");
            }
        }
        if (all.isEmpty()) {
            throw new ConfigException("give a sentence with --prompt \"a light ankle boot\" or a file of them with "
                    + "--prompts FILE");
        }
        if (count < 1 || count > 1_000_000) {
            throw new ConfigException("--count must be in 1..1000000, got " + count);
        }
        if (format != SampleCommand.Format.grid && format != SampleCommand.Format.png
                && format != SampleCommand.Format.idx) {
            throw new ConfigException("--format " + format + ": jgan generate writes images: png, grid or idx");
        }
        format.checkOut(out);
        if (format == SampleCommand.Format.grid) {
            org.jgan.api.Samples.checkGrid(count * all.size());
        }
        try (GanModel model = run.model()) {
            if (!model.textConditioned()) {
                throw new ConfigException("this run's model (" + model.config().model().name() + ") does not take "
                        + "sentences; train one with --model text2image, or use jgan sample");
            }
            model.promptWarnings(all).forEach(w -> System.err.println("warning: " + w));
            Samples samples = model.generate(all, (int) count, seed);
            format.write(samples, out);
            System.out.printf("%s: %d images of %d prompt(s) from %s (%s weights) -> %s%n", format, samples.count(),
                    all.size(), model.checkpoint(), model.ema() ? "EMA" : "raw", out);
        }
        return 0;
    }
}
