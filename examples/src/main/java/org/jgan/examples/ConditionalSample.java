package org.jgan.examples;

import java.nio.file.Path;
import org.jgan.api.GanModel;
import org.jgan.api.Jgan;
import org.jgan.api.Samples;

/**
 * A class-conditional GAN (cGAN): train a short run, then draw a grid with one row per class and eight pullovers.
 * Args: RUN_FOLDER [STEPS].
 */
public final class ConditionalSample {
    public static void main(String[] args) throws Exception {
        Path run = Path.of(args.length > 0 ? args[0] : "runs/cgan-example");
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 937;

        if (!run.resolve("config.json").toFile().exists()) {
            Jgan.train(Jgan.config("cgan").data("fashion-mnist").steps(steps).build(), run).run();
        }
        try (GanModel model = Jgan.load(run)) {
            model.classGrid(10, 1).writeGrid(run.resolve("classes.png"));
            Samples pullovers = model.sampleClass("Pullover", 8, 2);
            pullovers.writePngs(run.resolve("pullovers"));
            System.out.printf("classes %s; %d pullovers (class %d) -> %s%n", model.classes(), pullovers.count(),
                    pullovers.label(0), run.resolve("pullovers"));
        }
    }
}
