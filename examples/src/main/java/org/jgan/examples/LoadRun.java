package org.jgan.examples;

import java.nio.file.Path;
import org.jgan.api.GanModel;
import org.jgan.api.Jgan;

/** Loads a finished run (made by the CLI or by QuickStart) and samples from it. Args: RUN_FOLDER [CHECKPOINT]. */
public final class LoadRun {
    public static void main(String[] args) throws Exception {
        Path run = Path.of(args.length > 0 ? args[0] : "runs/quickstart");
        String checkpoint = args.length > 1 ? args[1] : "latest";
        try (GanModel model = Jgan.load(run, checkpoint, true)) {
            System.out.printf("%s: model %s, %s weights of %s, images %dx%dx%d, jgan %s%n", run,
                    model.config().model().name(), model.ema() ? "EMA" : "raw", model.checkpoint().getFileName(),
                    model.shape().channels(), model.shape().height(), model.shape().width(), Jgan.version());
            Path out = model.sample(16, 42).writePngs(run.resolve("loaded"));
            System.out.println("16 images -> " + out);
        }
    }
}
