package org.jgan.models.text2image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Torch;
import org.jgan.models.TrainerTest;
import org.jgan.models.Variants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G's optional text-conditioned layers: {@code text2image.midConv} (one more 3x3 layer at G's second resolution) and
 * {@code text2image.fineConv} (features at the image's resolution, then a 3x3 layer to pixels).
 */
class GeneratorLayersTest {
    /** The middle layer's parameters: the convolution and its text-conditioned norm. */
    private static final java.util.function.Predicate<String> MID = n -> n.startsWith("mid.") || n.startsWith("bnMid.");
    /** The layers at the image's resolution: the last doubling, its text-conditioned norm and the pixel layer. */
    private static final java.util.function.Predicate<String> FINE = n -> n.startsWith("up2.")
            || n.startsWith("bn2.") || n.startsWith("out.");

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** A 3-step config on a small captioned folder, without either layer. */
    private TrainConfig plain() throws Exception {
        return Text2ImageTrainingTest.config(CaptionedFolder.write(tmp.resolve("captioned"), 32), 3, 0);
    }

    private Trainer trainer(TrainConfig c, String name) throws Exception {
        return new Trainer(Variants.byName("text2image"), c, Text2ImageTrainingTest.data(c), tmp.resolve(name));
    }

    @Test
    void midConvLearnsWhenOnAndIsAbsentByDefault() throws Exception {
        TrainConfig plain = plain();
        TrainConfig c = Text2ImageConfig.of(plain).withMidConv(true).in(plain);
        int w = c.model().width();
        try (Trainer t = trainer(c, "mid")) {
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
        try (Trainer t = trainer(plain, "plain")) {
            assertEquals(0, TrainerTest.weights(t.players().generator(), MID).length,
                    "no middle layer without the key");
        }
    }

    @Test
    void fineConvDrawsFromTextNormedFeaturesAndLearns() throws Exception {
        TrainConfig plain = plain();
        TrainConfig c = Text2ImageConfig.of(plain).withFineConv(true).in(plain);
        int w = c.model().width();
        try (Trainer t = trainer(c, "fine")) {
            var g = t.players().generator();
            assertEquals(2 * w * w * 16, TrainerTest.weights(g, n -> n.startsWith("up2.")).length,
                    "the last doubling makes w feature maps, no bias (the norm after it has one)");
            assertEquals(w * 9 + 1, TrainerTest.weights(g, n -> n.startsWith("out.")).length,
                    "a 3x3 convolution from w maps to the image's one channel, with a bias");
            assertTrue(TrainerTest.weights(g, n -> n.startsWith("bn2.")).length > 0, "the features have their norm");
            float[] start = TrainerTest.weights(g, FINE);
            t.run(new TrainListener() { });
            float[] learnt = TrainerTest.weights(g, FINE);
            assertFalse(Arrays.equals(start, learnt), "the layers at the image's resolution did not learn");
            for (float v : learnt) {
                assertTrue(Float.isFinite(v));
            }
            assertEquals(w * 9 + 1, TrainerTest.weights(t.ema().net(), n -> n.startsWith("out.")).length,
                    "the EMA generator has the pixel layer too");
        }
        assertFalse(Text2ImageConfig.of(plain).fineConv(), "off by default");
        try (Trainer t = trainer(plain, "plain")) {
            var g = t.players().generator();
            assertEquals(0, TrainerTest.weights(g, n -> n.startsWith("out.") || n.startsWith("bn2.")).length);
            assertEquals(2 * w * 16 + 1, TrainerTest.weights(g, n -> n.startsWith("up2.")).length,
                    "without the key the transposed convolution draws the pixels, as before");
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> Text2ImageConfig.defaults().withResizeOutput(true).withFineConv(true));
        assertTrue(e.getMessage().contains("text2image.fineConv and text2image.resizeOutput"), e.getMessage());
    }
}
