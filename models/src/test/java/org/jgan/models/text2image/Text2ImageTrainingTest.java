package org.jgan.models.text2image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.GuardConfig;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.OptimConfig;
import org.jgan.core.config.RegConfig;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.captions.Tokenizer;
import org.jgan.core.nn.TextEncoder;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.models.TrainerTest;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Text2ImageTrainingTest {
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

    static TrainConfig config(Path data, long steps, int limit) {
        TrainConfig c = new TrainConfig(42, new ModelConfig("text2image", 16, "non-saturating", 8),
                new DataConfig(data.toString(), 8, true, limit),
                new OptimConfig(2e-4, 2e-4, 0.5, 0.999, 0.9, 1), RegConfig.none(),
                new ScheduleConfig(0, steps, 2, 3, 3, 2, 8), GuardConfig.defaults());
        return new Text2ImageConfig(16, 8, 100, true).in(c);
    }

    static ImageDataset data(TrainConfig c) {
        ImageDataset d = Variants.byName("text2image").openData(c);
        return c.data().limit() > 0 ? d.head(c.data().limit()) : d;
    }

    @Test
    void trainsOnCaptionsAndKeepsWhatGeneratingNeeds() throws Exception {
        TrainConfig c = config(folder, 5, 0);
        Path run = tmp.resolve("run");
        try (Trainer t = new Trainer(Variants.byName("text2image"), c, data(c), run)) {
            TextEncoder enc = ((TextGenerator) t.players().generator()).textEncoder();
            float[] before = TrainerTest.weights(enc);
            t.run(new TrainListener() { });
            assertEquals(5, t.state().step());
            assertFalse(java.util.Arrays.equals(before, TrainerTest.weights(enc)), "G's text encoder did not learn");
        }
        List<String> lines = Files.readAllLines(run.resolve("stats.jsonl"));
        for (String key : new String[]{"Loss/D", "Loss/G", "D/wrong_score"}) {
            assertTrue(lines.get(0).contains("\"" + key + "\""), key + " missing from " + lines.get(0));
        }
        assertFalse(String.join("", lines).contains("NaN"));
        Tokenizer vocab = Tokenizer.load(run.resolve(TextConditioning.VOCABULARY));
        assertEquals(List.of(), vocab.unknownWords("a large shape number "
                + org.jgan.core.data.SyntheticData.shapes(32, 28, 5).labels()[1]));
        assertEquals(List.of("unseen"), vocab.unknownWords("a unseen shape"));
        // the fixed view: the folder's first distinct captions, one per grid row
        List<String> prompts = Files.readAllLines(run.resolve(TextConditioning.PROMPTS));
        assertEquals(List.copyOf(new java.util.LinkedHashSet<>(prompts)), prompts);
        assertTrue(prompts.size() >= 2 && prompts.size() <= TextData.USER_PROMPTS, prompts.toString());
        assertTrue(Files.exists(run.resolve("samples/step-000005.png")));
    }

    @Test
    void resumeGivesTheSameWeightsAsAnUninterruptedRun() throws Exception {
        float[] straightD;
        float[] straightEma;
        TrainConfig c6 = config(folder, 6, 0);
        try (Trainer t = new Trainer(Variants.byName("text2image"), c6, data(c6), tmp.resolve("a"))) {
            t.run(new TrainListener() { });
            straightD = TrainerTest.weights(t.players().discriminator());
            straightEma = TrainerTest.weights(t.ema().net());
        }
        TrainConfig c3 = config(folder, 3, 0);
        try (Trainer t = new Trainer(Variants.byName("text2image"), c3, data(c3), tmp.resolve("b"))) {
            t.run(new TrainListener() { });
        }
        try (Trainer t = new Trainer(Variants.byName("text2image"), c6, data(c6), tmp.resolve("b"))) {
            assertEquals(3, t.resume().step());
            t.run(new TrainListener() { });
            assertArrayEquals(straightD, TrainerTest.weights(t.players().discriminator()));
            assertArrayEquals(straightEma, TrainerTest.weights(t.ema().net()));
        }
    }

    @Test
    void interpolatedCaptionsAddGanIntsTermToTheGeneratorOnly() throws Exception {
        addsATermToTheGeneratorOnly(t -> t.withInterpolate(true), "Loss/G/interpolated");
    }

    @Test
    void modeSeekingAddsMsgansTermToTheGeneratorOnly() throws Exception {
        addsATermToTheGeneratorOnly(t -> t.withModeSeeking(0.5), "Reg/modeSeeking");
    }

    @Test
    void hardWrongCaptionsReachTheDiscriminatorThroughTheTrainer() throws Exception {
        float[][] d1 = new float[2][];
        for (int k = 0; k < 2; k++) {
            TrainConfig c = config(folder, 1, 0);
            c = Text2ImageConfig.of(c).withHardNegatives(k).in(c);
            Path run = tmp.resolve("hard" + k);
            try (Trainer t = new Trainer(Variants.byName("text2image"), c, data(c), run)) {
                t.run(new TrainListener() { });
                d1[k] = TrainerTest.weights(t.players().discriminator());
            }
            String stats = Files.readString(run.resolve("stats.jsonl"));
            assertTrue(stats.contains("\"D/wrong_score\""), stats);
            assertEquals(k == 1, stats.contains("\"D/hard_wrong_score\""), stats);
            assertFalse(stats.contains("NaN"), stats);
        }
        // every caption names a size, so with share 1 D also sees every real image with the other size named
        assertFalse(Arrays.equals(d1[0], d1[1]), "the hard wrong captions did not reach D");
    }

    /** Two runs of two steps, without and with the settings {@code on}: only G's loss may change, under {@code key}. */
    private void addsATermToTheGeneratorOnly(java.util.function.UnaryOperator<Text2ImageConfig> on, String key)
            throws Exception {
        float[][] g = new float[2][];
        float[][] d = new float[2][];
        float[][] d1 = new float[2][];
        for (int k = 0; k < 2; k++) {
            TrainConfig c = config(folder, 2, 0);
            c = (k == 1 ? on.apply(Text2ImageConfig.of(c)) : Text2ImageConfig.of(c)).in(c);
            Path run = tmp.resolve("term" + k);
            final int which = k;
            try (Trainer t = new Trainer(Variants.byName("text2image"), c, data(c), run)) {
                t.run(new TrainListener() {
                    @Override
                    public void stepDone(org.jgan.core.train.TrainState s, java.util.Map<String, Double> stats) {
                        if (s.step() == 1) {
                            d1[which] = TrainerTest.weights(t.players().discriminator());
                        }
                    }
                });
                g[k] = TrainerTest.weights(t.players().generator());
                d[k] = TrainerTest.weights(t.players().discriminator());
            }
            String stats = Files.readString(run.resolve("stats.jsonl"));
            assertEquals(k == 1, stats.contains("\"" + key + "\""), stats);
            assertFalse(stats.contains("NaN"), stats);
        }
        // the first step's D update is the same either way (the term is G's alone); G's differs from its first step
        assertArrayEquals(d1[0], d1[1], key + " reached D's first update");
        assertFalse(java.util.Arrays.equals(g[0], g[1]), key + " did not reach G");
        assertFalse(java.util.Arrays.equals(d[0], d[1]), "D at step 2 should see a different G");
    }

    @Test
    void nativeMemoryStaysFlatOverManySteps() throws Exception {
        TrainConfig c = config(folder, 40, 0);
        c = c.withSchedule(new ScheduleConfig(0, 40, 1000, 1000, 1000, 1, 8));
        long[] live = new long[41];
        try (Trainer t = new Trainer(Variants.byName("text2image"), c, data(c), tmp.resolve("m"))) {
            t.run(new TrainListener() {
                @Override
                public void stepDone(org.jgan.core.train.TrainState s, java.util.Map<String, Double> stats) {
                    live[(int) s.step()] = org.jgan.engine.NativeMemory.liveObjects();
                }
            });
        }
        // As for the other variants: what must not happen is growth from step to step (the text encoders' packed
        // sequences, lengths and wrong-caption indices all die with the step).
        assertTrue(live[40] <= live[10], "live native objects grew from " + live[10] + " at step 10 to " + live[40]
                + " at step 40");
    }

    @Test
    void captionsFollowAPrefixOfTheFolderButNotAChoiceOfImages() throws Exception {
        TrainConfig c = config(folder, 1, 16);
        TextConditioning cond = TextData.conditioning(c, data(c));
        long[] ids = org.jgan.engine.Tensors.toLongs(cond.batch(new int[]{15}));
        int[] row = java.util.Arrays.stream(ids).mapToInt(v -> (int) v).toArray();
        assertEquals("a large shape number " + org.jgan.core.data.SyntheticData.shapes(32, 28, 5).labels()[15],
                cond.tokenizer().decode(row));
        ImageDataset shuffled = data(config(folder, 1, 0)).select(new int[]{1, 0, 2}, "picked");
        DataException e = assertThrows(DataException.class, () -> TextData.conditioning(c, shuffled));
        assertTrue(e.getMessage().contains("data.perClass"), e.getMessage());
    }

    @Test
    void otherDataIsRefusedByName() {
        TrainConfig c = config(tmp, 1, 0);
        DataException e = assertThrows(DataException.class, () -> Variants.byName("text2image").openData(c));
        assertTrue(e.getMessage().contains("captions.txt") && e.getMessage().contains(TextData.FASHION),
                e.getMessage());
    }

    private static boolean fusion(String name) {
        return name.startsWith("outGain.") || name.startsWith("outShift.");
    }

    @Test
    void startsAsTheUnfusedLayerThenLearnsAGainAndOffsetPerCaption() throws Exception {
        TrainConfig plain = config(folder, 3, 0);
        TrainConfig fused = Text2ImageConfig.of(plain).withFuseOutput(true).in(plain);
        float[] unfused;
        try (Trainer t = new Trainer(Variants.byName("text2image"), plain, data(plain),
                tmp.resolve("plain"))) {
            unfused = TrainerTest.weights(t.players().generator());
            assertEquals(0, TrainerTest.weights(t.players().generator(), Text2ImageTrainingTest::fusion).length,
                    "an unfused generator has no fusion layer");
        }
        try (Trainer t = new Trainer(Variants.byName("text2image"), fused, data(fused),
                tmp.resolve("fused"))) {
            TextGenerator g = (TextGenerator) t.players().generator();
            assertArrayEquals(unfused, TrainerTest.weights(g, n -> !fusion(n)), "the other layers start the same");
            float[] start = TrainerTest.weights(g, Text2ImageTrainingTest::fusion);
            assertEquals(2 * (16 + 1), start.length, "a gain and an offset per image channel from 16-long embeddings");
            assertArrayEquals(new float[start.length], start, "gain 1 and offset 0 for every caption at the start");
            t.run(new TrainListener() { });
            float[] learnt = TrainerTest.weights(g, Text2ImageTrainingTest::fusion);
            assertFalse(Arrays.equals(start, learnt), "the fusion layer did not learn");
            for (float v : learnt) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    @Test
    void theCaptionScalesAndShiftsTheLastLayerBeforeTanh() throws Exception {
        TrainConfig plain = config(folder, 3, 0);
        TrainConfig fused = Text2ImageConfig.of(plain).withFuseOutput(true).in(plain);
        try (Trainer p = new Trainer(Variants.byName("text2image"), plain, data(plain),
                tmp.resolve("p"));
             Trainer f = new Trainer(Variants.byName("text2image"), fused, data(fused),
                     tmp.resolve("f"));
             StepScope s = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
            TextGenerator gp = (TextGenerator) p.players().generator();
            TextGenerator gf = (TextGenerator) f.players().generator();
            // gain_i = 1 + 1 + 0.1 * sum(e_i), offset 0.5: every term of the fusion is checked
            gf.named_parameters().get("outGain.weight").fill_(new Scalar(0.1));
            gf.named_parameters().get("outGain.bias").fill_(new Scalar(1.0));
            gf.named_parameters().get("outShift.bias").fill_(new Scalar(0.5));
            Tensor z = torch.randn(new long[]{4, 16}, new GeneratorOptional(torch.createCPUGenerator(5)));
            Tensor e = torch.randn(new long[]{4, 16}, new GeneratorOptional(torch.createCPUGenerator(6)));
            float[] before = Tensors.toFloats(gp.fromEmbedding(z, e));
            float[] after = Tensors.toFloats(gf.fromEmbedding(z, e));
            float[] sums = Tensors.toFloats(e.sum(new long[]{1}));
            int per = before.length / 4;
            int checked = 0;
            for (int i = 0; i < before.length; i++) {
                if (Math.abs(before[i]) > 0.99) {
                    continue; // atanh is too steep there to recover the layer's value in float
                }
                double y = 0.5 * Math.log((1 + before[i]) / (1 - before[i]));
                double gain = 2 + 0.1 * sums[i / per];
                assertEquals(Math.tanh(gain * y + 0.5), after[i], 2e-4, "pixel " + i);
                checked++;
            }
            assertTrue(checked > before.length / 2, "only " + checked + " pixels away from saturation");
        }
    }
}
