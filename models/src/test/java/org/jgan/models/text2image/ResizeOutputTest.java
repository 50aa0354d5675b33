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

/** {@code text2image.resizeOutput}: G's last layer as a 3x3 convolution of its doubled input (Odena et al. 2016). */
class ResizeOutputTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** The training tests' config on a captioned folder of 32 images written for this test. */
    private TrainConfig plain(long steps) throws java.io.IOException {
        Path folder = tmp.resolve("captioned");
        if (!java.nio.file.Files.exists(folder)) {
            CaptionedFolder.write(folder, 32);
        }
        return Text2ImageTrainingTest.config(folder, steps, 0);
    }

    private TrainConfig resized(long steps) throws java.io.IOException {
        TrainConfig plain = plain(steps);
        return Text2ImageConfig.of(plain).withResizeOutput(true).in(plain);
    }

    @Test
    void withOnlyTheCentreTapEveryTwoByTwoBlockIsOneValue() throws Exception {
        // The doubled input repeats each feature over a 2x2 block; a 3x3 kernel whose only weight is its centre
        // reads each output pixel's own block, so the image is made of 2x2 blocks. A transposed convolution
        // draws the four pixels of a block with four sub-kernels and makes no such blocks.
        TrainConfig c = resized(3);
        try (Trainer t = new Trainer(Variants.byName("text2image"), c, Text2ImageTrainingTest.data(c),
                tmp.resolve("run"));
             StepScope s = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
            TextGenerator g = (TextGenerator) t.players().generator();
            Tensor w = g.named_parameters().get("up2.weight");
            assertArrayEquals(new long[]{1, 16, 3, 3}, w.sizes().vec().get(), "out x in x 3 x 3 of a convolution");
            w.zero_();
            w.select(2, 1).select(2, 1).normal_(0, 1, new GeneratorOptional(torch.createCPUGenerator(3)));
            g.named_parameters().get("up2.bias").fill_(new Scalar(0.1));
            Tensor z = torch.randn(new long[]{4, 16}, new GeneratorOptional(torch.createCPUGenerator(5)));
            Tensor e = torch.randn(new long[]{4, 16}, new GeneratorOptional(torch.createCPUGenerator(6)));
            Tensor y = g.fromEmbedding(z, e);
            assertArrayEquals(new long[]{4, 1, 28, 28}, y.sizes().vec().get());
            float[] px = Tensors.toFloats(y);
            int distinct = 0;
            for (int n = 0; n < 4; n++) {
                for (int r = 0; r < 28; r += 2) {
                    for (int col = 0; col < 28; col += 2) {
                        int at = n * 784 + r * 28 + col;
                        for (int d : new int[]{1, 28, 29}) {
                            assertEquals(px[at], px[at + d], 1e-6, "image " + n + ", block at " + r + "," + col);
                        }
                        distinct += px[at] != px[at + 2] ? 1 : 0;
                    }
                }
            }
            assertTrue(distinct > 4 * 14 * 13 / 2, "the blocks should differ from each other, " + distinct);
        }
    }

    @Test
    void trainsWithFiniteWeightsAndRunsWithoutTheKeyKeepTheTransposedConvolution() throws Exception {
        TrainConfig c = resized(3);
        try (Trainer t = new Trainer(Variants.byName("text2image"), c, Text2ImageTrainingTest.data(c),
                tmp.resolve("resized"))) {
            float[] start = TrainerTest.weights(t.players().generator(), n -> n.startsWith("up2."));
            t.run(new TrainListener() { });
            float[] learnt = TrainerTest.weights(t.players().generator(), n -> n.startsWith("up2."));
            assertFalse(Arrays.equals(start, learnt), "the last layer did not learn");
            for (float v : learnt) {
                assertTrue(Float.isFinite(v));
            }
        }
        TrainConfig plain = plain(3);
        assertFalse(Text2ImageConfig.of(plain).resizeOutput(), "off by default");
        try (Trainer t = new Trainer(Variants.byName("text2image"), plain, Text2ImageTrainingTest.data(plain),
                tmp.resolve("plain"))) {
            Tensor w = t.players().generator().named_parameters().get("up2.weight");
            assertArrayEquals(new long[]{16, 1, 4, 4}, w.sizes().vec().get(), "in x out x 4 x 4, transposed");
        }
    }
}
