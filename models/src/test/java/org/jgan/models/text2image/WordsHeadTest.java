package org.jgan.models.text2image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ModelConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.loss.Losses;
import org.jgan.core.train.StepContext;
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

/** {@code text2image.wordsHead} and {@code text2image.twinWeight}: the wrong captions apart from D's verdict. */
class WordsHeadTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static double softplus(double v) {
        return Math.log1p(Math.exp(v));
    }

    @Test
    void theHeadAndItsLossOnAHandBuiltCase() {
        try (StepScope s = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
            WordsHead head = new WordsHead(2, 1);
            var p = head.named_parameters();
            p.get("project.weight").copy_(Tensors.fromFloats(new float[]{1, 2}, 2, 1));
            p.get("prior.weight").copy_(Tensors.fromFloats(new float[]{3}, 1, 1));
            p.get("prior.bias").copy_(Tensors.fromFloats(new float[]{0.5f}, 1));
            // P(e) = (e, 2e): 1 + 2 + 3 + 0.5 for the first row, 0 + 2 * 2 * 2 + 6 + 0.5 for the second
            float[] logits = Tensors.toFloats(head.forward(Tensors.fromFloats(new float[]{1, 1, 0, 2}, 2, 2),
                    Tensors.fromFloats(new float[]{1, 2}, 2, 1)));
            assertEquals(6.5, logits[0], 1e-5);
            assertEquals(14.5, logits[1], 1e-5);
            double loss = WordsHead.loss(Tensors.fromFloats(new float[]{1, -2}, 2),
                    Tensors.fromFloats(new float[]{0.5f}, 1)).item_double();
            assertEquals((softplus(-1) + softplus(2)) / 2 + softplus(0.5), loss, 1e-5,
                    "each kind averaged over its own rows");
        }
    }

    static TrainConfig config(Path folder, double twin) {
        TrainConfig plain = Text2ImageTrainingTest.config(folder, 3, 0);
        // D without batch norm: its verdict on a pair then does not depend on which other pairs share the pass
        ModelConfig m = plain.model();
        plain = plain.withModel(new ModelConfig(m.name(), m.latentDim(), m.loss(), m.width(), "none", m.condition()));
        return Text2ImageConfig.of(plain).withWordsHead(true).withTwinWeight(twin).in(plain);
    }

    @Test
    void theVerdictWeighsRealAgainstFakeOnlyAndTheHeadsTakeTheWrongCaptions() throws Exception {
        TrainConfig c = config(CaptionedFolder.write(tmp.resolve("captioned"), 16), 0.5);
        try (Trainer t = new Trainer(Variants.byName("text2image"), c, Text2ImageTrainingTest.data(c),
                tmp.resolve("run")); StepScope s = StepScope.open()) {
            TextDiscriminator d = (TextDiscriminator) t.players().discriminator();
            Tensor real = torch.rand(4, 1, 28, 28).mul(new org.bytedeco.pytorch.Scalar(2)).sub(
                    new org.bytedeco.pytorch.Scalar(1));
            // four different captions (first word), so every wrong caption differs from its row's own
            Tensor tokens = Tensors.fromLongs(new long[]{4, 9, 5, 9, 6, 9, 7, 9}, 4, 2);
            StepContext ctx = new StepContext(t.players(), Losses.byName("non-saturating"), c, real, tokens, 1, 7);
            double plain = Text2Image.discriminatorLoss(ctx, false, 0, false, false).item_double();
            double words = Text2Image.discriminatorLoss(ctx, false, 0, true, true).item_double();
            var stats = ctx.stats();
            assertEquals(plain, stats.get("Loss/D"), 2e-6, "without matchingAware the verdict sees no wrong captions");
            assertEquals(words, stats.get("Loss/D") + stats.get("Loss/D/words") + stats.get("Loss/D/twin"), 1e-5);
            double ganCls = Text2Image.discriminatorLoss(ctx, true, 0, false, false).item_double();
            // at the first step D's logits are all near 0, so the wrong pairs move its loss by about 4e-4
            assertTrue(Math.abs(ganCls - plain) > 1e-4, "the wrong captions must change GAN-CLS's verdict");
            double both = Text2Image.discriminatorLoss(ctx, true, 0, true, true).item_double();
            assertEquals(ganCls, ctx.stats().get("Loss/D"), 2e-6, "with matchingAware the verdict is GAN-CLS's");
            assertEquals(both, ganCls + ctx.stats().get("Loss/D/words") + ctx.stats().get("Loss/D/twin"), 1e-5);

            // With the heads' weights zeroed every logit is 0: log 2 for each of the two kinds of pair.
            try (NoGradGuard ng = new NoGradGuard()) {
                var p = d.named_parameters();
                for (String head : new String[]{"words.", "twin."}) {
                    for (String name : new String[]{"project.weight", "prior.weight", "prior.bias"}) {
                        p.get(head + name).zero_();
                    }
                }
            }
            StepContext ctx2 = new StepContext(t.players(), Losses.byName("non-saturating"), c, real, tokens, 1, 7);
            Text2Image.discriminatorLoss(ctx2, true, 0, true, true);
            assertEquals(2 * Math.log(2), ctx2.stats().get("Loss/D/words"), 1e-5);
            assertEquals(2 * Math.log(2), ctx2.stats().get("Loss/D/twin"), 1e-5);

            // G: the twin term is the twin's logit minus the words head's; heads alike but the twin's bias 1 higher
            // make it 1 for every fake, weighted by twinWeight.
            double g0 = Text2Image.generatorLoss(ctx2, false, 0, 0, 0).item_double();
            try (NoGradGuard ng = new NoGradGuard()) {
                d.named_parameters().get("twin.prior.bias").fill_(new org.bytedeco.pytorch.Scalar(1));
            }
            double g = Text2Image.generatorLoss(ctx2, false, 0, 0, 0.5).item_double();
            assertEquals(1.0, ctx2.stats().get("Loss/G/twin"), 1e-5);
            assertEquals(g0 + 0.5, g, 1e-5);
        }
    }

    @Test
    void bothHeadsLearnWhenOnAndAreAbsentByDefault() throws Exception {
        Path folder = CaptionedFolder.write(tmp.resolve("captioned"), 32);
        TrainConfig c = config(folder, 1);
        try (Trainer t = new Trainer(Variants.byName("text2image"), c, Text2ImageTrainingTest.data(c),
                tmp.resolve("twin"))) {
            TextDiscriminator d = (TextDiscriminator) t.players().discriminator();
            float[] words = TrainerTest.weights(d, n -> n.startsWith("words."));
            float[] twin = TrainerTest.weights(d, n -> n.startsWith("twin."));
            assertEquals(16 * d.featureDim() + 16 + 1, words.length, "P: 16 -> D's features, and the prior");
            t.run(new TrainListener() { });
            float[] wordsAfter = TrainerTest.weights(d, n -> n.startsWith("words."));
            float[] twinAfter = TrainerTest.weights(d, n -> n.startsWith("twin."));
            assertFalse(Arrays.equals(words, wordsAfter), "the words head did not learn");
            assertFalse(Arrays.equals(twin, twinAfter), "the twin did not learn");
            for (float v : wordsAfter) {
                assertTrue(Float.isFinite(v));
            }
            for (float v : twinAfter) {
                assertTrue(Float.isFinite(v));
            }
        }
        TrainConfig plain = Text2ImageTrainingTest.config(folder, 3, 0);
        assertFalse(Text2ImageConfig.of(plain).wordsHead(), "off by default");
        assertEquals(0.0, Text2ImageConfig.of(plain).twinWeight(), "off by default");
        try (Trainer t = new Trainer(Variants.byName("text2image"), plain, Text2ImageTrainingTest.data(plain),
                tmp.resolve("plain"))) {
            assertEquals(0, TrainerTest.weights(t.players().discriminator(),
                    n -> n.startsWith("words.") || n.startsWith("twin.")).length, "no heads without the keys");
        }
    }

    @Test
    void settingsThatCannotWorkAreRefusedByName() {
        Text2ImageConfig base = Text2ImageConfig.defaults();
        ConfigException e = assertThrows(ConfigException.class, () -> base.withTwinWeight(1));
        assertTrue(e.getMessage().contains("text2image.twinWeight needs text2image.wordsHead"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> base.withHardNegatives(0.5).withWordsHead(true));
        assertTrue(e.getMessage().contains("text2image.wordsHead cannot be combined with text2image.hardNegatives"),
                e.getMessage());
        assertTrue(new Text2ImageConfig(128, 16, 1000, false).withWordsHead(true).wordsHead(),
                "the head without GAN-CLS's verdict");
        for (double bad : new double[]{-1, Double.NaN, 1e4}) {
            e = assertThrows(ConfigException.class, () -> base.withWordsHead(true).withTwinWeight(bad));
            assertTrue(e.getMessage().contains("text2image.twinWeight must be in 0..1000"), e.getMessage());
        }
    }
}
