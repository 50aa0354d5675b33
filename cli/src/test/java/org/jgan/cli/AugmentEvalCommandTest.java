package org.jgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.jgan.api.synthetic.AugmentData;
import org.jgan.cli.CliTest.Result;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.train.RunDir;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.classifier.ClassifierTraining;
import org.jgan.metrics.features.ClassifierFeatures;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.DatasetSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan augment-eval} runs the two-condition experiment on the run's own K-per-class subset, says so, and never
 * trains on the test split: test images carry a marker pixel that no training image has.
 */
class AugmentEvalCommandTest {
    @TempDir
    static Path shared;
    static Path data;
    static Path run;
    static ImageDataset test;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() throws IOException {
        data = shared.resolve("idx");
        ImageDataset train = SyntheticData.shapes(60, 28, 3);
        ImageDataset plain = SyntheticData.shapes(30, 28, 4);
        byte[] marked = plain.pixels().clone();
        for (int i = 0; i < plain.size(); i++) {
            marked[i * 784] = (byte) 255;  // the marker: top-left pixel lit, which no synthetic shape training image has
        }
        write(data, "train", train.pixels(), train.labels());
        write(data, "t10k", marked, plain.labels());
        test = new ImageDataset("marked-test", 1, 28, 28, marked, plain.labels(),
                plain.classNames());
        run = shared.resolve("cgan");
        Result r = CliTest.run("train", "--model", "cgan", "--data", data.toString(), "--steps", "2", "--batch", "4",
                "--set", "model.width=8", "--set", "data.perClass=4", "--out", run.toString(), "--no-progress");
        assertEquals(0, r.code(), r.toString());
    }

    /**
     * The real-only condition recomputed without the experiment's code: the run's 12 real images, 3 epochs of one
     * batch of 12 (3 steps), classifier seed {@code seed}, scored by counting argmax hits on the marked test split.
     */
    static double independentRealOnlyAccuracy(long seed) {
        ImageDataset real = AugmentData.realSubset(new RunDir(run).readConfig());
        try (ClassifierFeatures clf = ClassifierFeatures.of(new ClassifierTraining(3, 12, 1e-3, seed)
                .train(real, null, null, m -> { }), "check")) {
            FeatureSet f = FeatureRunner.extract(clf, new DatasetSource(test));
            int hits = 0;
            for (int i = 0; i < test.size(); i++) {
                int best = 0;
                for (int c = 1; c < f.classes(); c++) {
                    best = f.probs()[i * f.classes() + c] > f.probs()[i * f.classes() + best] ? c : best;
                }
                hits += best == test.labels()[i] ? 1 : 0;
            }
            return hits / (double) test.size();
        }
    }

    static void write(Path dir, String prefix, byte[] px, int[] labels) throws IOException {
        int n = labels.length;
        IdxWriter.write(dir.resolve(prefix + "-images-idx3-ubyte"), new int[]{n, 28, 28}, px);
        byte[] l = new byte[n];
        for (int i = 0; i < n; i++) {
            l[i] = (byte) labels[i];
        }
        IdxWriter.write(dir.resolve(prefix + "-labels-idx1-ubyte"), new int[]{n}, l);
    }

    @Test
    void reportsBothConditionsOverSeedsAndSaysWhatTheGanSaw() throws IOException {
        Path json = tmp.resolve("lift.json");
        Result r = CliTest.run("augment-eval", "--data", data.toString(), "--real-per-class", "4",
                "--synthetic-per-class", "4", "--run", run.toString(), "--seeds", "2", "--steps", "3", "--control",
                "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, j.get("real_acc").size());
        assertEquals(2, j.get("augmented_acc").size());
        for (int s = 0; s < 2; s++) {
            assertEquals(independentRealOnlyAccuracy(s + 1), j.get("real_acc").get(s).asDouble(),
                    "seed " + (s + 1) + ": the real-only classifier, trained and scored here by hand");
        }
        assertEquals("added", j.get("mix").asText(), "synthetic images go beside the real batches by default");
        assertEquals(32, j.get("synthetic_batch").asInt());
        assertEquals(2, j.get("control_acc").size(), "one control classifier per seed");
        assertTrue(r.out().contains("synthetic vs control"), r.out());
        assertTrue(j.has("lift_over_control"), j.toString());
        assertTrue(r.out().contains("beside every real batch"), r.out());
    }

    @Test
    void pooledMixingAndAFilterTrainedOnTheRealSubsetRun() throws IOException {
        Path json = tmp.resolve("pooled.json");
        Result r = CliTest.run("augment-eval", "--data", data.toString(), "--real-per-class", "4",
                "--synthetic-per-class", "2", "--run", run.toString(), "--seeds", "1", "--steps", "2", "--mix",
                "pooled", "--min-confidence", "0", "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("pooled", new ObjectMapper().readTree(json.toFile()).get("mix").asText());
        assertTrue(r.out().contains("a classifier trained on the real subset"), r.out());
    }

    @Test
    void badMixingOptionsAreNamed() {
        String[] base = {"augment-eval", "--data", data.toString(), "--real-per-class", "4", "--run", run.toString()};
        CliTest.assertUserError(CliTest.run(concat(base, "--mix", "blend")), "--mix must be added or pooled");
        CliTest.assertUserError(CliTest.run(concat(base, "--synthetic-batch", "0")), "--synthetic-batch");
        CliTest.assertUserError(CliTest.run(concat(base, "--synthetic-weight", "-1")), "--synthetic-weight");
        CliTest.assertUserError(CliTest.run(concat(base, "--filter-with", "oracle")), "--filter-with");
        CliTest.assertUserError(CliTest.run(concat(base, "--min-confidence", "1.5")), "--min-confidence");
        CliTest.assertUserError(CliTest.run(concat(base, "--mix", "pooled", "--control")),
                "--control needs --mix added");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void theTrainingSubsetIsTheRunsOwnAndHoldsNoTestImage() {
        ImageDataset real = AugmentData.realSubset(new RunDir(run).readConfig());
        assertEquals(12, real.size(), "4 per class, 3 classes");
        for (int i = 0; i < real.size(); i++) {
            assertEquals(0, real.pixels()[i * 784], "training image " + i + " carries the test split's marker");
        }
    }

    @Test
    void aRunTrainedOnOtherDataIsRefused() {
        CliTest.assertUserError(CliTest.run("augment-eval", "--data", data.toString(), "--real-per-class", "5",
                "--run", run.toString()), "data.perClass=4");
    }
}
