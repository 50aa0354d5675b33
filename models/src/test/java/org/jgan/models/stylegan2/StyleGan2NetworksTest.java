package org.jgan.models.stylegan2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.Presets;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.Players;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shapes at every resolution, truncation, the w layout and style mixing of the StyleGAN2 networks. */
class StyleGan2NetworksTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    static TrainConfig config(int width, int latent) {
        TrainConfig c = Presets.byName("stylegan2");
        return c.withModel(new org.jgan.core.config.ModelConfig("stylegan2", latent, "non-saturating", width));
    }

    static GeneratorOptional rng(long seed) {
        return new GeneratorOptional(torch.createCPUGenerator(seed));
    }

    @ParameterizedTest
    @CsvSource({"1,4,4,4", "3,8,8,8", "1,16,16,16", "1,28,28,32", "1,31,31,32", "3,32,32,32", "1,24,40,64",
            "3,64,64,64", "1,128,128,128", "3,256,256,256", "3,200,256,256"})
    void generatorAndDiscriminatorShapesAtEveryResolution(int c, int h, int w, int res) {
        DataShape shape = new DataShape(c, h, w, 0);
        assertEquals(res, StyleGan2.resolution(shape));
        int log2 = Integer.numberOfTrailingZeros(res);
        try (Players p = new StyleGan2(false).build(config(8, 16), shape, 1); StepScope s = StepScope.open()) {
            StyleGan2Generator g = (StyleGan2Generator) p.generator();
            assertEquals(2 * log2 - 2, g.numWs(), "one w per conv plus the last toRGB");
            Tensor z = torch.randn(new long[]{2, 16}, rng(3));
            Tensor train = g.forward(z, null, rng(4));
            assertArrayEquals(new long[]{2, c, h, w}, Tensors.shape(train));
            assertArrayEquals(new long[]{2, c, res, res}, Tensors.shape(g.synthesisNetwork().forward(
                    g.mapping(z, null, 1.0), null)));
            assertArrayEquals(new long[]{2}, Tensors.shape(p.discriminator().forward(train, null)));
            p.generator().eval();
            assertArrayEquals(new long[]{2, c, h, w}, Tensors.shape(p.generator().forward(z, null)));
        }
    }

    @Test
    void conditionalNetworksTakeLabels() {
        DataShape shape = new DataShape(1, 16, 16, 3);
        try (Players p = new StyleGan2(true).build(config(8, 16), shape, 1); StepScope s = StepScope.open()) {
            Tensor z = torch.randn(new long[]{4, 16}, rng(3));
            Tensor labels = Tensors.fromLongs(new long[]{0, 1, 2, 1}, 4);
            Tensor x = p.generator().forward(z, labels);
            assertArrayEquals(new long[]{4, 1, 16, 16}, Tensors.shape(x));
            assertArrayEquals(new long[]{4}, Tensors.shape(p.discriminator().forward(x, labels)));
            // the label steers the image: the same z with another class gives another image
            p.generator().eval();
            Tensor other = p.generator().forward(z, Tensors.fromLongs(new long[]{2, 2, 2, 2}, 4));
            assertTrue(p.generator().forward(z, labels).sub(other).abs().max().item_double() > 1e-4);
            assertThrows(ConfigException.class, () -> p.generator().forward(z, null));
        }
    }

    @Test
    void theDiscriminatorComparesAsManySamplesAsMbstdGroupSays() {
        DataShape shape = new DataShape(1, 16, 16, 0);
        TrainConfig four = config(8, 16);
        TrainConfig sixteen = new StyleGan2Config(0.9, 0, 4, 2, 16).in(four);
        try (Players a = new StyleGan2(false).build(four, shape, 1);
             Players b = new StyleGan2(false).build(sixteen, shape, 1); StepScope s = StepScope.open()) {
            assertEquals(4, StyleGan2Config.of(four).mbstdGroup());
            Tensor x = torch.randn(new long[]{16, 1, 16, 16}, rng(3));
            // the same weights (the group shapes none): one group of 16 measures another spread than four of 4
            assertTrue(a.discriminator().forward(x, null).sub(b.discriminator().forward(x, null)).abs().max()
                    .item_double() > 1e-6);
            Tensor few = x.narrow(0, 0, 4);
            assertEquals(0.0, a.discriminator().forward(few, null).sub(b.discriminator().forward(few, null)).abs()
                    .max().item_double(), "a batch of 4 is one group either way");
        }
    }

    @Test
    void settingsWithoutAPlaceInThisArchitectureAreRefused() {
        DataShape shape = new DataShape(1, 16, 16, 3);
        TrainConfig sn = org.jgan.core.config.ConfigJson.withOverrides(config(8, 16), java.util.List.of(
                "reg.spectralNorm=true"), TrainConfig.class);
        var e = assertThrows(ConfigException.class, () -> new StyleGan2(false).build(sn, shape, 1));
        assertTrue(e.getMessage().startsWith("reg.spectralNorm"), e.getMessage());
        TrainConfig ac = org.jgan.core.config.ConfigJson.withOverrides(config(8, 16), java.util.List.of(
                "model.condition=acgan"), TrainConfig.class);
        e = assertThrows(ConfigException.class, () -> new StyleGan2(true).build(ac, shape, 1));
        assertTrue(e.getMessage().startsWith("model.condition"), e.getMessage());
    }

    @Test
    void imagesLargerThan256AreRefused() {
        var e = assertThrows(ConfigException.class, () -> StyleGan2.resolution(new DataShape(3, 300, 300, 0)));
        assertTrue(e.getMessage().contains("300x300"), e.getMessage());
    }

    @Test
    void channelsShrinkAboveSixteen() {
        assertArrayEquals(new int[]{128, 128, 128, 64}, StyleGan2.channels(32, 128));
        assertArrayEquals(new int[]{128, 128, 128, 64, 32, 16, 16}, StyleGan2.channels(256, 128));
    }

    @Test
    void truncationAtPsiZeroGivesTheMeanImage() {
        DataShape shape = new DataShape(1, 28, 28, 0);
        try (StyleGan2Generator g = new StyleGan2Generator(16, 8, shape, 0.0, 5); StepScope s = StepScope.open()) {
            g.train(true);
            assertEquals(0.0, g.meanW().abs().sum().item_double(), "w_avg starts at zero");
            try (NoGradGuard ng = new NoGradGuard()) {
                for (int i = 0; i < 3; i++) {
                    g.forward(torch.randn(new long[]{8, 16}, rng(10 + i)), null, rng(20 + i));
                }
            }
            double[] avg = Tensors.toDoubles(g.meanW());
            assertTrue(g.meanW().abs().sum().item_double() > 0, "training forwards track the mean w");
            g.eval();
            // sampling overwrites its own feature maps in place, never a parameter (the learned constant included)
            TensorVector params = g.parameters();
            List<float[]> before = new ArrayList<>();
            for (long i = 0; i < params.size(); i++) {
                before.add(Tensors.toFloats(params.get(i)));
            }
            try (NoGradGuard ng = new NoGradGuard()) {
                Tensor z = torch.randn(new long[]{4, 16}, rng(7));
                Tensor truncated = g.forward(z, null, 0.0);
                Tensor meanImage = g.synthesis(g.meanW().view(1, 1, -1).expand(1, g.numWs(), -1));
                for (int i = 0; i < 4; i++) {
                    assertArrayEquals(Tensors.toFloats(meanImage), Tensors.toFloats(truncated.narrow(0, i, 1)), 1e-5f,
                            "psi = 0: image " + i + " is the mean image");
                }
                Tensor full = g.forward(z, null, 1.0);
                assertTrue(full.narrow(0, 0, 1).sub(full.narrow(0, 1, 1)).abs().max().item_double() > 1e-3,
                        "psi = 1: different z give different images");
                // psi = 0.5: w halfway between w and the mean
                Tensor w = g.mapping(z, null, 1.0);
                Tensor half = g.mapping(z, null, 0.5);
                assertTrue(half.sub(w.add(g.meanW()).mul(new Scalar(0.5))).abs().max().item_double() < 1e-5);
            }
            assertArrayEquals(avg, Tensors.toDoubles(g.meanW()), "sampling leaves the mean w alone");
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), Tensors.toFloats(params.get(i)), "sampling leaves parameter " + i);
            }
        }
    }

    @Test
    void eachWStylesTheLayersOfTheOfficialLayout() {
        try (StyleGan2Generator g = new StyleGan2Generator(16, 8, new DataShape(1, 32, 32, 0), 0.0, 5)) {
            List<String> layout = new ArrayList<>();
            for (SynthesisNetwork.Layer l : g.synthesisNetwork().layers()) {
                layout.add(l.resolution() + (l.toRgb() ? "rgb" : "conv") + ":" + l.wIndex());
            }
            assertEquals(List.of("4conv:0", "4rgb:1", "8conv:1", "8conv:2", "8rgb:3", "16conv:3", "16conv:4",
                    "16rgb:5", "32conv:5", "32conv:6", "32rgb:7"), layout);
            assertEquals("coarse (0-2), middle (3-4), fine (5-7)", StyleMixing.describe(g));
            assertArrayEquals(new int[]{0, 1, 2}, StyleMixing.layers(g, "coarse"));
            assertArrayEquals(new int[]{3, 4, 5, 6, 7}, StyleMixing.layers(g, "middle,fine"));
            assertArrayEquals(new int[]{0, 1, 6}, StyleMixing.layers(g, "0-1, 6"));
            assertThrows(ConfigException.class, () -> StyleMixing.layers(g, "8"));
            assertThrows(ConfigException.class, () -> StyleMixing.layers(g, "ultra"));
        }
        try (StyleGan2Generator g = new StyleGan2Generator(16, 8, new DataShape(3, 256, 256, 0), 0.0, 5)) {
            assertEquals("coarse (0-2), middle (3-6), fine (7-13)", StyleMixing.describe(g));
        }
    }

    @Test
    void styleMixingChangesOnlyTheLayersOfItsBand() {
        try (StyleGan2Generator g = new StyleGan2Generator(16, 8, new DataShape(1, 32, 32, 0), 0.0, 5);
             StepScope s = StepScope.open(); NoGradGuard ng = new NoGradGuard()) {
            g.eval();
            Tensor a = g.mapping(torch.randn(new long[]{2, 16}, rng(1)), null, 1.0);
            Tensor b = g.mapping(torch.randn(new long[]{2, 16}, rng(2)), null, 1.0);
            Tensor fine = StyleMixing.mix(a, b, StyleMixing.layers(g, "fine"));
            for (int i = 0; i < g.numWs(); i++) {
                Tensor expected = (i >= 5 ? b : a).select(1, i);
                assertEquals(0.0, fine.select(1, i).sub(expected).abs().max().item_double(), "w " + i);
            }
            SynthesisNetwork syn = g.synthesisNetwork();
            // fine styles (32x32 layers) leave the 16x16 features alone and change the image
            assertEquals(0.0, syn.features(fine, 16).sub(syn.features(a, 16)).abs().max().item_double());
            assertTrue(syn.forward(fine, null).sub(syn.forward(a, null)).abs().max().item_double() > 1e-4);
            // middle styles (16x16) leave the 8x8 features alone and change the 16x16 ones
            Tensor middle = StyleMixing.mix(a, b, StyleMixing.layers(g, "middle"));
            assertEquals(0.0, syn.features(middle, 8).sub(syn.features(a, 8)).abs().max().item_double());
            assertTrue(syn.features(middle, 16).sub(syn.features(a, 16)).abs().max().item_double() > 1e-4);
            // coarse styles change the 4x4 features already
            Tensor coarse = StyleMixing.mix(a, b, StyleMixing.layers(g, "coarse"));
            assertTrue(syn.features(coarse, 4).sub(syn.features(a, 4)).abs().max().item_double() > 1e-4);
        }
    }

    @Test
    void trainingForwardsMixTwoLatentsWithTheConfiguredProbability() {
        DataShape shape = new DataShape(1, 16, 16, 0);
        try (StyleGan2Generator always = new StyleGan2Generator(16, 8, shape, 1.0, 5);
             StyleGan2Generator never = new StyleGan2Generator(16, 8, shape, 0.0, 5);
             StepScope s = StepScope.open()) {
            Tensor z = torch.randn(new long[]{3, 16}, rng(1));
            Tensor mixed = always.trainingWs(z, null, rng(2));
            Tensor plain = never.trainingWs(z, null, rng(2));
            int n = always.numWs();
            assertEquals(0.0, plain.select(1, 0).sub(plain.select(1, n - 1)).abs().max().item_double());
            assertEquals(0.0, mixed.select(1, 0).sub(plain.select(1, 0)).abs().max().item_double(),
                    "the first layer always keeps the first latent");
            assertTrue(mixed.select(1, n - 1).sub(plain.select(1, n - 1)).abs().max().item_double() > 1e-4,
                    "the last layer takes the second latent");
        }
    }
}
