package org.jgan.core.reg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DiffAugment's policies do what Zhao et al. 2020 describe, deterministically per seed, with gradients. */
class DiffAugmentTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static GeneratorOptional rng(long seed) {
        return new GeneratorOptional(torch.createCPUGenerator(seed));
    }

    @Test
    void translationIsAZeroFilledShiftOfEachImage() {
        try (StepScope s = StepScope.open()) {
            int n = 6;
            int h = 16;
            int w = 16;
            Tensor x = torch.rand(n, 1, h, w).add(new org.bytedeco.pytorch.Scalar(0.1));
            float[] in = Tensors.toFloats(x);
            float[] out = Tensors.toFloats(DiffAugment.translation(x, 0.125, rng(3)));
            int shifted = 0;
            for (int i = 0; i < n; i++) {
                int[] found = null;
                for (int dy = -2; dy <= 2 && found == null; dy++) {
                    for (int dx = -2; dx <= 2 && found == null; dx++) {
                        if (matchesShift(in, out, i, h, w, dy, dx)) {
                            found = new int[]{dy, dx};
                        }
                    }
                }
                assertTrue(found != null, "image " + i + " is not a shift by at most 2 pixels");
                shifted += found[0] != 0 || found[1] != 0 ? 1 : 0;
            }
            assertTrue(shifted >= 3, "translation almost never moved anything");
        }
    }

    private static boolean matchesShift(float[] in, float[] out, int i, int h, int w, int dy, int dx) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sy = y - dy;
                int sx = x - dx;
                float expect = sy >= 0 && sy < h && sx >= 0 && sx < w ? in[i * h * w + sy * w + sx] : 0f;
                if (out[i * h * w + y * w + x] != expect) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void cutoutZeroesOneSquareOfHalfTheSidePerImage() {
        try (StepScope s = StepScope.open()) {
            float[] out = Tensors.toFloats(DiffAugment.cutout(torch.ones(5, 1, 12, 12), 0.5, rng(1)));
            for (int i = 0; i < 5; i++) {
                int zeros = 0;
                for (int k = 0; k < 144; k++) {
                    zeros += out[i * 144 + k] == 0f ? 1 : 0;
                }
                assertEquals(36, zeros, "image " + i);
            }
        }
    }

    @Test
    void sameSeedSameAugmentationAndGradientsFlow() {
        try (StepScope s = StepScope.open()) {
            Tensor x = torch.randn(4, 3, 8, 8).set_requires_grad(true);
            List<String> all = List.of("translation", "cutout", "color");
            float[] a = Tensors.toFloats(DiffAugment.apply(x, all, rng(7)));
            float[] b = Tensors.toFloats(DiffAugment.apply(x, all, rng(7)));
            assertArrayEquals(a, b);
            DiffAugment.apply(x, all, rng(7)).sum().backward();
            assertTrue(x.grad().abs().sum().item_double() > 0);
        }
    }

    @Test
    void colourOnGrayscaleIsAPerImageBrightnessAndContrastChange() {
        try (StepScope s = StepScope.open()) {
            Tensor g = torch.randn(3, 1, 8, 8);
            float[] in = Tensors.toFloats(g);
            float[] out = Tensors.toFloats(DiffAugment.apply(g, List.of("color"), rng(1)));
            for (int i = 0; i < 3; i++) {
                // out = a * in + b within an image, with a > 0: fit a and b from two pixels, check the rest
                int o = i * 64;
                double a = (out[o + 1] - out[o]) / (in[o + 1] - in[o]);
                double b = out[o] - a * in[o];
                assertTrue(a > 0.2 && a < 3.1, "contrast factor " + a);
                assertTrue(Math.abs(a - 1) > 1e-3 || Math.abs(b) > 1e-3, "image " + i + " was left unchanged");
                for (int k = 0; k < 64; k++) {
                    assertEquals(a * in[o + k] + b, out[o + k], 1e-3, "image " + i + " pixel " + k);
                }
            }
        }
    }
}
