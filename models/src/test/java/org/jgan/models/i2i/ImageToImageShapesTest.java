package org.jgan.models.i2i;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.models.cyclegan.ResnetGenerator;
import org.jgan.models.srgan.SrDiscriminator;
import org.jgan.models.srgan.SrResNet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Output shapes of every image-to-image network at several input sizes, square and not, including sizes the
 * encoders cannot halve evenly (padded and cropped back), and the PatchGAN's depth and receptive field per size.
 */
class ImageToImageShapesTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    static long[] shape(GanNet net, long... in) {
        try (StepScope s = StepScope.open()) {
            net.eval();
            return Tensors.shape(net.forward(torch.randn(in), null));
        } finally {
            net.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"28, 28, 4", "32, 32, 5", "48, 64, 5", "4, 4, 2", "30, 17, 4", "256, 256, 8"})
    void unetKeepsTheSizeAndMapsChannels(int h, int w, int depth) {
        UNetGenerator g = new UNetGenerator(1, 3, 4, Math.min(h, w));
        assertEquals(depth, g.depth());
        assertArrayEquals(new long[]{2, 3, h, w}, shape(g, 2, 1, h, w));
    }

    @ParameterizedTest
    @CsvSource({"28, 28, 1, 12, 12", "64, 64, 1, 30, 30", "128, 128, 2, 30, 30", "256, 256, 3, 30, 30",
            "28, 40, 1, 12, 18"})
    void patchGanIsSizedToTheInput(int h, int w, int layers, int oh, int ow) {
        assertEquals(layers, PatchDiscriminator.layersFor(Math.min(h, w)));
        assertArrayEquals(new long[]{2, 1, oh, ow},
                shape(new PatchDiscriminator(4, 4, layers, "batch", false, 1), 2, 4, h, w));
    }

    @ParameterizedTest
    @CsvSource({"1, 16", "2, 34", "3, 70", "4, 142"})
    void patchGanReceptiveFields(int layers, int field) {
        assertEquals(field, PatchDiscriminator.receptiveField(layers));
    }

    @ParameterizedTest
    @CsvSource({"28, 28", "30, 22", "64, 64", "9, 13"})
    void resnetGeneratorKeepsTheSize(int h, int w) {
        assertArrayEquals(new long[]{2, 1, h, w}, shape(new ResnetGenerator(3, 1, 4, 2), 2, 3, h, w));
    }

    @ParameterizedTest
    @CsvSource({"2, 7, 7", "4, 7, 7", "2, 14, 10", "4, 5, 9"})
    void srResNetUpscales(int scale, int h, int w) {
        assertArrayEquals(new long[]{2, 3, (long) scale * h, (long) scale * w},
                shape(new SrResNet(3, 8, 2, scale), 2, 3, h, w));
    }

    @ParameterizedTest
    @CsvSource({"28, 28", "16, 24", "96, 96"})
    void srDiscriminatorGivesOneLogitPerImage(int h, int w) {
        assertArrayEquals(new long[]{3}, shape(new SrDiscriminator(1, 4, true, false, 1), 3, 1, h, w));
        assertArrayEquals(new long[]{3}, shape(new SrDiscriminator(1, 4, false, true, 1), 3, 1, h, w));
    }

    @ParameterizedTest
    @CsvSource({"1, 3, 5", "3, 1, 8"})
    void comparisonInterleavesColumnsOfMixedChannelsAndSizes(int c1, int c2, int h) {
        try (StepScope s = StepScope.open()) {
            Tensor small = torch.zeros(2, c1, h, h);
            Tensor big = torch.ones(2, c2, 2L * h, 2L * h);
            Tensor x = Comparison.interleave(java.util.List.of(small, big));
            assertArrayEquals(new long[]{4, 3, 2L * h, 2L * h}, Tensors.shape(x));
            // example-major: small0, big0, small1, big1
            assertEquals(0.0, x.select(0, 2).sum().item_double());
            assertEquals(3.0 * 4 * h * h, x.select(0, 3).sum().item_double());
        }
    }
}
