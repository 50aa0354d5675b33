package org.jgan.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.IdxWriter;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.train.RunDir;
import org.jgan.metrics.eval.EvalRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API as a user calls it: configure, train, refuse, resume, load, sample, evaluate. */
class JganApiTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path reference;
    static Path labelledReference;

    @BeforeAll
    static void data() throws IOException {
        System.setProperty("jgan.cache.dir", tmp.resolve("cache").toString());
        ImageDataset d = SyntheticData.shapes(48, 28, 3);
        data = Files.createDirectories(tmp.resolve("idx"));
        write(data, d);
        // FID needs more images than feature dimensions (128) for a covariance of full rank.
        reference = tmp.resolve("reference-images-idx3-ubyte");
        IdxWriter.write(reference, new int[]{160, 28, 28}, SyntheticData.shapes(160, 28, 4).pixels());
        labelledReference = Files.createDirectories(tmp.resolve("labelled-reference"));
        write(labelledReference, SyntheticData.shapes(160, 28, 4));
    }

    /** {@code d} as an IDX folder with its labels. */
    static void write(Path dir, ImageDataset d) throws IOException {
        IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), new int[]{d.size(), 28, 28}, d.pixels());
        byte[] labels = new byte[d.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) d.labels()[i];
        }
        IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), new int[]{labels.length}, labels);
    }

    static TrainConfig tiny(String model, long steps) {
        return Jgan.config(model).data(data.toString()).batch(8).width(8).steps(steps)
                .sampleAndCheckpointEvery(2, 2).build();
    }

    @Test
    void builderSetsNamedKeysAndValidatesThem() {
        TrainConfig c = Jgan.config("dcgan").epochs(3).batch(48).seed(9).learningRates(1e-4, 3e-4).build();
        assertEquals(3, c.schedule().epochs());
        assertEquals(0, c.schedule().steps());
        assertEquals(48, c.data().batch());
        assertEquals(9, c.seed());
        assertEquals(1e-4, c.optim().lrG());
        assertEquals(3e-4, c.optim().lrD());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> Jgan.config("dcgan").learningRates(2.0, 1e-4).build());
        assertTrue(bad.getMessage().contains("optim.lrG"), bad.getMessage());
        ConfigException unknownKey = assertThrows(ConfigException.class,
                () -> Jgan.config("dcgan").set("optim.nope", 1).build());
        assertTrue(unknownKey.getMessage().contains("optim.nope"), unknownKey.getMessage());
        ConfigException unknownModel = assertThrows(ConfigException.class, () -> Jgan.config("dcgann"));
        assertTrue(unknownModel.getMessage().contains("dcgann"), unknownModel.getMessage());
        assertEquals("cgan", Jgan.config("cgan").build().model().name());
        assertEquals("vanilla", Jgan.config("vanilla").build().model().name());
        for (String preset : Jgan.presets()) {
            TrainConfig p = Jgan.config(preset).build();
            assertTrue(Jgan.models().contains(p.model().name()), preset + " trains a registered model");
        }
        ConfigException retired = assertThrows(ConfigException.class, () -> Jgan.config("wgan-gp"));
        assertTrue(retired.getMessage().contains("retired") && retired.getMessage().contains("model.loss=wasserstein"),
                retired.getMessage());
        assertEquals("wasserstein", Jgan.config("dcgan").set("model.loss", "wasserstein").build().model().loss());
    }

    @Test
    void trainRefuseResumeLoadSampleEvaluate() throws IOException {
        Path run = tmp.resolve("dcgan");
        TrainingResult first = Jgan.train(tiny("dcgan", 4), run).run();
        assertEquals(4, first.step());
        assertTrue(Files.isRegularFile(first.lastSample()), "a grid was written");
        assertEquals("step-000004", first.checkpoint().getFileName().toString());

        ConfigException again = assertThrows(ConfigException.class, () -> Jgan.train(tiny("dcgan", 4), run).run());
        assertTrue(again.getMessage().contains("already holds a run"), again.getMessage());

        List<String> said = new ArrayList<>();
        TrainingResult more = Jgan.resume(run).steps(6).log(said::add).run();
        assertEquals(6, more.step());
        assertEquals("step-000006", more.checkpoint().getFileName().toString());
        assertTrue(said.stream().noneMatch(l -> l.contains("differ")), "a new length alone is no change: " + said);

        try (GanModel g = Jgan.load(run)) {
            assertEquals("step-000006", g.checkpoint().getFileName().toString());
            Samples a = g.sample(10, 3);
            Samples b = g.sample(10, 3);
            Samples c = g.sample(10, 4);
            assertEquals(10, a.count());
            assertEquals(28, a.height());
            assertArrayEquals(a.pixels(), b.pixels(), "same seed, same images");
            assertFalse(java.util.Arrays.equals(a.pixels(), c.pixels()), "another seed, other images");
            assertEquals(-1, a.label(0));
            Path grid = a.writeGrid(tmp.resolve("grid.png"));
            java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(grid.toFile());
            assertTrue(png.getWidth() >= 4 * 28 && png.getWidth() < 5 * 28, "4 columns: " + png.getWidth());
            assertTrue(png.getHeight() >= 3 * 28 && png.getHeight() < 4 * 28, "3 rows: " + png.getHeight());
            assertEquals(10L * 28 * 28 + 16, Files.size(a.writeIdx(tmp.resolve("s.idx"))));
            ConfigException cls = assertThrows(ConfigException.class, () -> g.sampleClass("1", 4, 0));
            assertTrue(cls.getMessage().contains("not conditional"), cls.getMessage());

            EvalRecord r = g.evaluate(Evaluation.against(reference.toString()).samples(140).seed(1));
            assertTrue(r.fid() > 0 && Double.isFinite(r.fid()), "fid " + r.fid());
            assertEquals(6, r.step());
            List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
            JsonNode last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            assertEquals(r.fid(), last.get("fid").asDouble(), "the recorded line is this evaluation");
            assertEquals("step-000006", last.get("checkpoint").asText());
            EvalRecord unrecorded = g.evaluate(Evaluation.against(reference.toString()).samples(140).seed(1).record(false));
            assertEquals(r.fid(), unrecorded.fid(), 1e-9, "same samples and seed, same FID");
            assertEquals(lines.size(), Files.readAllLines(run.resolve("metrics.jsonl")).size());
        }
    }

    @Test
    void conditionalSamplesFollowTheirClasses() throws IOException {
        Path run = tmp.resolve("cgan");
        Jgan.train(tiny("cgan", 2), run).run();
        try (GanModel g = Jgan.load(run)) {
            assertTrue(g.conditional());
            assertEquals(3, g.classes().size());
            Samples grid = g.classGrid(2, 5);
            assertEquals(6, grid.count());
            assertEquals(List.of(0, 0, 1, 1, 2, 2), java.util.stream.IntStream.range(0, 6).map(grid::label)
                    .boxed().toList());
            Samples ones = g.sampleClass("1", 3, 5);
            assertEquals(1, ones.label(2));
            ImageDataset set = g.syntheticSet(2, 9);
            assertEquals(6, set.size());
            assertEquals(List.of(0, 0, 1, 1, 2, 2), java.util.Arrays.stream(set.labels()).boxed().toList());
            Path out = g.exportDataset(2, 9, org.jgan.api.synthetic.ExportFormat.IDX, tmp.resolve("export"));
            assertTrue(Files.list(out).findAny().isPresent(), "the export wrote files");
            ConfigException bad = assertThrows(ConfigException.class, () -> g.sampleClass("7", 1, 0));
            assertTrue(bad.getMessage().contains("7"), bad.getMessage());

            EvalRecord r = g.evaluate(Evaluation.against(labelledReference.toString()).samples(150).seed(1));
            assertEquals(3, r.withinClass().scored(), "all 3 classes, 50 samples each: " + r.withinClass());
            double d = r.withinClassDiversity();
            assertTrue(d > 0 && Double.isFinite(d), "within-class diversity " + d);
            List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
            JsonNode last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            assertEquals(d, last.get("within_class_diversity").asDouble(), 0.0, "recorded in metrics.jsonl");
            assertEquals(3, last.get("within_class_diversity_per_class").size());
        }
    }

    @Test
    void aSettingChangedOnResumeIsSaid() throws IOException {
        Path run = tmp.resolve("changed");
        Jgan.train(tiny("dcgan", 2), run).run();
        // a setting changed on resume trains this resume only (config.json keeps the first), and the log says so
        TrainConfig r1 = ConfigJson.withOverrides(new RunDir(run).readConfig(), List.of("reg.r1Gamma=0.5"),
                TrainConfig.class);
        List<String> said = new ArrayList<>();
        Jgan.resume(run, r1).steps(3).log(said::add).run();
        assertTrue(said.stream().anyMatch(l -> l.contains("differ from the run's config.json: reg.r1Gamma: ")
                && l.contains(" -> 0.5 (config.json keeps")), said.toString());
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(new RunDir(run).statsFile())) {
            JsonNode j = new ObjectMapper().readTree(line);
            if ("resume_settings".equals(j.path("event").asText())) {
                events.add(j);
            }
        }
        assertEquals(1, events.size(), "the run folder records the change once");
        assertEquals(2, events.get(0).path("step").asInt(), "at the step the resume started from");
        assertTrue(events.get(0).path("message").asText().startsWith("reg.r1Gamma: "), events.get(0).toString());
    }

    @Test
    void resumeOfAFolderWithoutARunIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> Jgan.resume(tmp.resolve("nothing")));
        assertTrue(e.getMessage().contains("no config.json"), e.getMessage());
        assertNotNull(Jgan.version());
        assertFalse(Jgan.version().contains("${"), "the version is filtered from the pom");
    }
}
