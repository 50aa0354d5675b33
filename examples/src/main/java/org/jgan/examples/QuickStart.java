package org.jgan.examples;

import java.nio.file.Path;
import org.jgan.api.Evaluation;
import org.jgan.api.GanModel;
import org.jgan.api.Jgan;
import org.jgan.core.config.TrainConfig;

/** A DCGAN on Fashion-MNIST: train a short run, write a sample grid, print its FID. Args: RUN_FOLDER [STEPS]. */
public final class QuickStart {
    public static void main(String[] args) throws Exception {
        Path run = Path.of(args.length > 0 ? args[0] : "runs/quickstart");
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 3750;  // 3750 steps of 16 = one epoch

        TrainConfig config = Jgan.config("dcgan").data("fashion-mnist").steps(steps).seed(7).build();
        Jgan.train(config, run).run();

        try (GanModel model = Jgan.load(run)) {
            model.sample(64, 0).writeGrid(run.resolve("grid.png"));
            var result = model.evaluate(Evaluation.against("fashion-mnist:test").samples(2000));
            System.out.printf("FID %.2f (precision %.3f, recall %.3f) -> %s%n",
                    result.fid(), result.precision(), result.recall(), run.resolve("grid.png"));
        }
    }
}
