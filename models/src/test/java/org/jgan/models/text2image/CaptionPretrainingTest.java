package org.jgan.models.text2image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.RunDir;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Torch;
import org.jgan.models.TrainerTest;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionPretrainingTest {
    @TempDir
    static Path shared;
    static Path folder;

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() throws Exception {
        Torch.init(2);
        folder = CaptionedFolder.write(shared.resolve("captioned"), 32);
    }

    static TrainConfig config(long steps, int pretrain) {
        TrainConfig c = Text2ImageTrainingTest.config(folder, steps, 0);
        return Text2ImageConfig.of(c).withPretrainSteps(pretrain).in(c);
    }

    static float[] weights(org.bytedeco.pytorch.Module net, String prefix, boolean keep) {
        return TrainerTest.weights(net, name -> name.startsWith(prefix) == keep);
    }

    @Test
    void pretrainingMovesTheTextEncodersAloneAndThenTheGanStarts() throws Exception {
        Path run = tmp.resolve("run");
        TrainConfig c = config(3, 3);
        try (Trainer t = new Trainer(Variants.byName("text2image"), c, Text2ImageTrainingTest.data(c), run)) {
            var g = t.players().generator();
            var d = t.players().discriminator();
            var e = t.players().net(CaptionPretraining.ENCODER);
            float[] gImage = weights(g, "text.", false);
            float[] gText = weights(g, "text.", true);
            float[] dImage = weights(d, "text.", false);
            float[] dText = weights(d, "text.", true);
            float[] encoder = TrainerTest.weights(e);
            t.run(new TrainListener() { });
            assertArrayEquals(gImage, weights(g, "text.", false), "G's image layers moved while pretraining");
            assertArrayEquals(dImage, weights(d, "text.", false), "D's image layers moved while pretraining");
            assertFalse(java.util.Arrays.equals(gText, weights(g, "text.", true)), "G's text encoder did not learn");
            assertFalse(java.util.Arrays.equals(dText, weights(d, "text.", true)), "D's text encoder did not learn");
            assertFalse(java.util.Arrays.equals(encoder, TrainerTest.weights(e)), "the image encoder did not learn");
        }
        String first = Files.readAllLines(run.resolve("stats.jsonl")).get(0);
        assertTrue(first.contains("\"Loss/pretrain/D\"") && first.contains("\"Loss/pretrain/G\""), first);
        assertFalse(first.contains("\"Loss/D\""), "the adversarial phases ran while pretraining: " + first);
        TrainConfig c6 = config(6, 3);
        try (Trainer t = new Trainer(Variants.byName("text2image"), c6, Text2ImageTrainingTest.data(c6), run)) {
            assertEquals(3, t.resume().step());
            t.run(new TrainListener() { });
        }
        List<String> lines = Files.readAllLines(run.resolve("stats.jsonl"));
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("\"Loss/D\"") && last.contains("\"Loss/G\""), last);
        assertFalse(last.contains("pretrain"), last);
        assertFalse(String.join("", lines).contains("NaN"));
    }

    static TrainConfig matching(long steps, int pretrain, double weight) {
        TrainConfig c = config(steps, pretrain);
        return Text2ImageConfig.of(c).withMatchWeight(weight).in(c);
    }

    @Test
    void theMatchingTermReachesGAloneAndTheMatcherGoesOnLearning() throws Exception {
        // Step 0 pretrains, step 1 is the first adversarial step: D and the matcher learn before G does in it, from
        // the same state whatever the weight, so only G may differ between weights 1 and 3, and only through the term.
        List<List<float[]>> states = new java.util.ArrayList<>();
        for (double w : new double[] {1, 3}) {
            Path run = tmp.resolve("w" + w);
            TrainConfig c = matching(2, 1, w);
            try (Trainer t = new Trainer(Variants.byName("text2image"), c, Text2ImageTrainingTest.data(c), run)) {
                float[][] pretrained = new float[1][];
                t.run(new TrainListener() {
                    @Override
                    public void stepDone(org.jgan.core.train.TrainState s, java.util.Map<String, Double> stats) {
                        if (s.step() == 1) {
                            pretrained[0] = TrainerTest.weights(t.players().net(CaptionPretraining.ENCODER));
                        }
                    }
                });
                states.add(List.of(TrainerTest.weights(t.players().net(CaptionPretraining.ENCODER)),
                        TrainerTest.weights(t.players().discriminator()),
                        weights(t.players().generator(), "text.", false)));
                // after the pretraining step, the adversarial step's Tmatch phase still moves the encoder
                assertFalse(java.util.Arrays.equals(pretrained[0], states.get(states.size() - 1).get(0)),
                        "the matcher stopped learning after pretraining");
            }
            List<String> lines = Files.readAllLines(run.resolve("stats.jsonl"));
            String last = lines.get(lines.size() - 1);
            assertTrue(last.contains("\"Loss/G/match\"") && last.contains("\"Loss/match/D\""), last);
            assertFalse(last.contains("NaN"), last);
        }
        assertArrayEquals(states.get(0).get(0), states.get(1).get(0), "the matcher depends on G's weight");
        assertArrayEquals(states.get(0).get(1), states.get(1).get(1), "D depends on G's weight");
        assertFalse(java.util.Arrays.equals(states.get(0).get(2), states.get(1).get(2)),
                "G's image layers do not feel the matching term");
    }

    @Test
    void resumingIsExactInsidePretrainingAndWithTheMatchingTerm() throws Exception {
        assertResumeExact(config(5, 4), config(2, 4), "pre");
        assertResumeExact(matching(5, 2, 0.5), matching(3, 2, 0.5), "match");
    }

    private void assertResumeExact(TrainConfig c5, TrainConfig c2, String name) throws Exception {
        List<float[]> straight;
        try (Trainer t = new Trainer(Variants.byName("text2image"), c5, Text2ImageTrainingTest.data(c5),
                tmp.resolve(name + "a"))) {
            t.run(new TrainListener() { });
            straight = state(t);
        }
        try (Trainer t = new Trainer(Variants.byName("text2image"), c2, Text2ImageTrainingTest.data(c2),
                tmp.resolve(name + "b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = new Trainer(Variants.byName("text2image"), c5, Text2ImageTrainingTest.data(c5),
                tmp.resolve(name + "b"))) {
            assertEquals(c2.schedule().steps(), t.resume().step());
            t.run(new TrainListener() { });
            List<float[]> resumed = state(t);
            for (int i = 0; i < straight.size(); i++) {
                assertArrayEquals(straight.get(i), resumed.get(i), "net " + i + " (E, D, EMA G)");
            }
        }
    }

    private static List<float[]> state(Trainer t) {
        return List.of(TrainerTest.weights(t.players().net(CaptionPretraining.ENCODER)),
                TrainerTest.weights(t.players().discriminator()), TrainerTest.weights(t.ema().net()));
    }

    @Test
    void configsWithoutTheKeysTurnTheExtrasOffAndBadValuesAreRefused() throws Exception {
        // a run folder written before the key existed
        RunDir dir = new RunDir(tmp.resolve("old"));
        Files.createDirectories(dir.path());
        dir.writeConfig(Text2ImageConfig.of(config(1, 5)).withModeSeeking(0.5).withFuseOutput(true)
                .withResizeOutput(true).withJointHead(true).withMidConv(true).withWordsHead(true)
                .withTwinWeight(1).in(config(1, 5)),
                java.util.Map.of());
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) dir.readConfigTree();
        var section = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("config").get("text2image");
        section.remove(List.of("pretrainSteps", "interpolate", "matchWeight", "modeSeeking", "fuseOutput",
                "hardNegatives", "resizeOutput", "jointHead", "midConv", "fineConv", "wordsHead", "twinWeight"));
        Files.writeString(dir.configFile(), ConfigJson.MAPPER.writeValueAsString(root));
        Text2ImageConfig old = Text2ImageConfig.of(dir.readConfig());
        assertEquals(0, old.pretrainSteps());
        assertFalse(old.interpolate());
        assertEquals(0.0, old.matchWeight());
        assertEquals(0.0, old.modeSeeking());
        assertFalse(old.fuseOutput(), "a run written before the key keeps its unconditioned last layer");
        assertEquals(0.0, old.hardNegatives(), "a run written before the key keeps GAN-CLS's wrong captions only");
        assertFalse(old.resizeOutput(), "a run written before the key keeps its transposed last layer");
        assertFalse(old.jointHead(), "a run written before the key keeps the projection alone");
        assertFalse(old.midConv(), "a run written before the key keeps G's layers as they were");
        assertFalse(old.fineConv(), "a run written before the key draws its pixels with the transposed layer");
        assertFalse(old.wordsHead(), "a run written before the key keeps GAN-CLS's verdict");
        assertEquals(0.0, old.twinWeight(), "a run written before the key has no twin term");
        assertEquals(List.of("Dmain", "Gmain"), new Text2Image().phases(Text2ImageConfig.defaults()
                .in(config(1, 0))).stream().map(p -> p.name()).toList());
        ConfigException e = assertThrows(ConfigException.class,
                () -> Text2ImageConfig.defaults().withPretrainSteps(-1));
        assertTrue(e.getMessage().contains("text2image.pretrainSteps must be >= 0"), e.getMessage());
        for (double bad : new double[] {-0.5, Double.NaN, 1e4}) {
            e = assertThrows(ConfigException.class, () -> Text2ImageConfig.defaults().withMatchWeight(bad));
            assertTrue(e.getMessage().contains("text2image.matchWeight must be in 0..1000"), e.getMessage());
            e = assertThrows(ConfigException.class, () -> Text2ImageConfig.defaults().withHardNegatives(bad));
            assertTrue(e.getMessage().contains("text2image.hardNegatives must be in 0..1"), e.getMessage());
        }
        e = assertThrows(ConfigException.class, () -> new Text2ImageConfig(16, 8, 100, false).withHardNegatives(0.5));
        assertTrue(e.getMessage().contains("text2image.hardNegatives needs text2image.matchingAware"), e.getMessage());
        assertEquals(List.of("Tmatch", "Dmain", "Gmain"), new Text2Image().phases(Text2ImageConfig.defaults()
                .withMatchWeight(1).in(config(1, 0))).stream().map(p -> p.name()).toList());
    }
}
