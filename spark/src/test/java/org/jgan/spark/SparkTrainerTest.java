package org.jgan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.jgan.api.Jgan;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.train.GanVariant;
import org.jgan.core.train.Seeds;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Torch;
import org.jgan.models.Variants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-parallel training on {@code local[2]}: two workers of batch 32 end where one trainer of batch 64 ends, for
 * the MLP GAN (no batch norm), and a resumed data-parallel run ends where an uninterrupted one does.
 */
class SparkTrainerTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;
    static String data;

    @BeforeAll
    static void start() throws IOException {
        Torch.init(1);
        ImageDataset d = SyntheticData.shapes(256, 28, 5);
        Path dir = Files.createDirectories(tmp.resolve("idx"));
        IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[]{256, 28, 28}, d.pixels());
        data = dir.toString();
        spark = SparkSession.builder().master("local[2]").appName("jgan-ddp-test")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static TrainConfig config(long steps) {
        return Jgan.config("vanilla").data(data).batch(64).width(16).steps(steps).seed(3)
                .sampleAndCheckpointEvery(10, 10).build();
    }

    static float[] single(TrainConfig c, Path run) throws IOException {
        GanVariant v = Variants.byName("vanilla");
        try (Trainer t = new Trainer(v, c, v.openTrainingData(c, Seeds.derive(c.seed(), "subset", 0)), run)) {
            t.run(new TrainListener() { });
            return TrainOutcome.flatten(t.players().generator());
        }
    }

    static double relative(float[] a, float[] b) {
        double d = 0;
        double n = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (double) (a[i] - b[i]);
            n += a[i] * (double) a[i];
        }
        return Math.sqrt(d / n);
    }

    @Test
    void twoWorkersOfHalfTheBatchTakeOneTrainersSteps() throws IOException {
        float[] one = single(config(20), tmp.resolve("single"));
        List<TrainOutcome> two = SparkTrainer.train(spark, config(20), tmp.resolve("ddp"), 2, false);
        assertEquals(2, two.size());
        assertEquals(20, two.get(0).step());
        double rel = relative(one, two.get(0).weights());
        System.out.printf("data-parallel: two workers of 32 against one trainer of 64 after 20 steps: relative "
                + "difference %.3g%n", rel);
        assertTrue(rel < 1e-5, "two workers against one trainer: relative difference " + rel);
        float[] init = single(config(1), tmp.resolve("one-step"));
        assertTrue(relative(one, init) > 1e-3, "20 steps moved the weights (the comparison means something)");
        assertTrue(Files.isDirectory(tmp.resolve("ddp/checkpoints/step-000020")), "worker 0 wrote the run folder");
    }

    @Test
    void aDataParallelRunResumesExactly() throws IOException {
        float[] straight = SparkTrainer.train(spark, config(20), tmp.resolve("straight"), 2, false).get(0)
                .weights();
        SparkTrainer.train(spark, config(10), tmp.resolve("resumed"), 2, false);
        float[] resumed = SparkTrainer.train(spark, config(20), tmp.resolve("resumed"), 2, true).get(0).weights();
        assertEquals(0.0, relative(straight, resumed), 1e-7);
    }
}
