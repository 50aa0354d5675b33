package org.jgan.models.text2image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Torch;
import org.jgan.models.TrainerTest;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code text2image.midConv}: one more text-conditioned 3x3 layer in G at its second resolution. */
class MidConvTest {
    /** The middle layer's parameters: the convolution and its text-conditioned norm. */
    private static final java.util.function.Predicate<String> MID = n -> n.startsWith("mid.") || n.startsWith("bnMid.");

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @Test
    void itLearnsWhenOnAndIsAbsentByDefault() throws Exception {
        Path folder = CaptionedFolder.write(tmp.resolve("captioned"), 32);
        TrainConfig plain = Text2ImageTrainingTest.config(folder, 3, 0);
        TrainConfig c = Text2ImageConfig.of(plain).withMidConv(true).in(plain);
        int w = c.model().width();
        try (Trainer t = new Trainer(Variants.byName("text2image"), c, Text2ImageTrainingTest.data(c),
                tmp.resolve("mid"))) {
            var g = t.players().generator();
            float[] conv = TrainerTest.weights(g, n -> n.startsWith("mid."));
            assertEquals(2 * w * 2 * w * 9, conv.length, "a 3x3 convolution from G's 2w channels to 2w, no bias");
            float[] norm = TrainerTest.weights(g, n -> n.startsWith("bnMid."));
            assertTrue(norm.length > 0, "the layer has its own text-conditioned norm");
            float[] start = TrainerTest.weights(g, MID);
            t.run(new TrainListener() { });
            float[] learnt = TrainerTest.weights(g, MID);
            assertEquals(start.length, learnt.length);
            assertFalse(Arrays.equals(start, learnt), "the middle layer did not learn");
            for (float v : learnt) {
                assertTrue(Float.isFinite(v));
            }
            float[] ema = TrainerTest.weights(t.ema().net(), n -> n.startsWith("mid."));
            assertEquals(conv.length, ema.length, "the EMA generator has the layer too");
        }
        assertFalse(Text2ImageConfig.of(plain).midConv(), "off by default");
        try (Trainer t = new Trainer(Variants.byName("text2image"), plain, Text2ImageTrainingTest.data(plain),
                tmp.resolve("plain"))) {
            assertEquals(0, TrainerTest.weights(t.players().generator(), MID).length,
                    "no middle layer without the key");
        }
    }
}
