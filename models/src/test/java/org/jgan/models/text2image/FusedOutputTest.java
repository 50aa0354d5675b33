package org.jgan.models.text2image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
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

/** {@code text2image.fuseOutput}: the caption's gain and offset on the generator's last layer. */
class FusedOutputTest {
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

    private static boolean fusion(String name) {
        return name.startsWith("outGain.") || name.startsWith("outShift.");
    }

    @Test
    void startsAsTheUnfusedLayerThenLearnsAGainAndOffsetPerCaption() throws Exception {
        TrainConfig plain = Text2ImageTrainingTest.config(folder, 3, 0);
        TrainConfig fused = Text2ImageConfig.of(plain).withFuseOutput(true).in(plain);
        float[] unfused;
        try (Trainer t = new Trainer(Variants.byName("text2image"), plain, Text2ImageTrainingTest.data(plain),
                tmp.resolve("plain"))) {
            unfused = TrainerTest.weights(t.players().generator());
            assertEquals(0, TrainerTest.weights(t.players().generator(), FusedOutputTest::fusion).length,
                    "an unfused generator has no fusion layer");
        }
        try (Trainer t = new Trainer(Variants.byName("text2image"), fused, Text2ImageTrainingTest.data(fused),
                tmp.resolve("fused"))) {
            TextGenerator g = (TextGenerator) t.players().generator();
            assertArrayEquals(unfused, TrainerTest.weights(g, n -> !fusion(n)), "the other layers start the same");
            float[] start = TrainerTest.weights(g, FusedOutputTest::fusion);
            assertEquals(2 * (16 + 1), start.length, "a gain and an offset per image channel from 16-long embeddings");
            assertArrayEquals(new float[start.length], start, "gain 1 and offset 0 for every caption at the start");
            t.run(new TrainListener() { });
            float[] learnt = TrainerTest.weights(g, FusedOutputTest::fusion);
            assertFalse(Arrays.equals(start, learnt), "the fusion layer did not learn");
            for (float v : learnt) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    @Test
    void theCaptionScalesAndShiftsTheLastLayerBeforeTanh() throws Exception {
        TrainConfig plain = Text2ImageTrainingTest.config(folder, 3, 0);
        TrainConfig fused = Text2ImageConfig.of(plain).withFuseOutput(true).in(plain);
        try (Trainer p = new Trainer(Variants.byName("text2image"), plain, Text2ImageTrainingTest.data(plain),
                tmp.resolve("p"));
             Trainer f = new Trainer(Variants.byName("text2image"), fused, Text2ImageTrainingTest.data(fused),
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
