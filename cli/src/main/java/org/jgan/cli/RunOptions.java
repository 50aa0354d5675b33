package org.jgan.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.jgan.api.GanModel;
import org.jgan.api.Jgan;
import org.jgan.api.i2i.ImageToImageRun;
import org.jgan.models.RunGenerator;
import picocli.CommandLine.Option;

/**
 * {@code --run}, {@code --checkpoint} and {@code --no-ema} of the commands that load a trained run (a picocli mixin).
 * Which kind of run a command needs is said in its own description, so the wording here stays the same everywhere.
 */
final class RunOptions {
    // the label is spelled out because picocli would otherwise name it after the field, <dir>
    @Option(names = "--run", required = true, paramLabel = "<run>", description = "Run folder, e.g. runs/NAME.")
    Path dir;

    @Option(names = "--checkpoint", description = "step-NNNNNN, a step number, 'latest' (default) or 'best'.")
    String checkpoint;

    @Option(names = "--no-ema", description = "Use the raw generator even when EMA weights exist.")
    boolean noEma;

    /** The run's generator at the chosen checkpoint, with EMA weights unless --no-ema. */
    RunGenerator generator() throws IOException {
        return load(dir, checkpoint, !noEma);
    }

    /** The run's generator as the Java API's model, with EMA weights unless --no-ema; warnings go to stderr. */
    GanModel model() throws IOException {
        return model(dir, checkpoint, !noEma);
    }

    /** {@link Jgan#load}, printing its warnings (e.g. a damaged newest checkpoint passed over) to stderr. */
    static GanModel model(Path dir, String checkpoint, boolean ema) throws IOException {
        GanModel m = Jgan.load(dir, checkpoint, ema);
        m.warnings().forEach(w -> System.err.println("warning: " + w));
        return m;
    }

    /** {@link RunGenerator#load}, printing its warnings (e.g. a damaged newest checkpoint passed over) to stderr. */
    static RunGenerator load(Path dir, String checkpoint, boolean ema) throws IOException {
        RunGenerator rg = RunGenerator.load(dir, checkpoint, ema);
        rg.warnings().forEach(w -> System.err.println("warning: " + w));
        return rg;
    }

    /** The image-to-image run at the chosen checkpoint, EMA weights unless --no-ema. */
    ImageToImageRun imageToImage() throws IOException {
        return ImageToImageRun.load(dir, checkpoint, !noEma);
    }
}
