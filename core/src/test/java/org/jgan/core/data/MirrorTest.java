package org.jgan.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mirror flips whole images (every channel) left-right, about half of them, the same ones for the same seed. */
class MirrorTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void flipsAboutHalfOfTheImagesWholeAndRepeatsForASeed() {
        int n = 200;
        int c = 2;
        int w = 3;
        float[] px = new float[n * c * w];
        for (int i = 0; i < px.length; i++) {
            px[i] = i;                      // rows 0,1,2 of every channel: distinct, increasing
        }
        try (StepScope s = StepScope.open()) {
            Tensor x = Tensors.fromFloats(px, n, c, 1, w);
            float[] a = Tensors.toFloats(Mirror.apply(x, 42));
            float[] b = Tensors.toFloats(Mirror.apply(x, 42));
            float[] other = Tensors.toFloats(Mirror.apply(x, 43));
            assertArrayEquals(a, b, "same seed, same flips");
            int flipped = 0;
            int differ = 0;
            for (int i = 0; i < n; i++) {
                int at = i * c * w;
                boolean f = a[at] == px[at + w - 1];
                for (int ch = 0; ch < c; ch++) {
                    for (int x0 = 0; x0 < w; x0++) {
                        float want = px[at + ch * w + (f ? w - 1 - x0 : x0)];
                        assertEquals(want, a[at + ch * w + x0], "image " + i + " channel " + ch
                                + ": channels must flip together or not at all");
                    }
                }
                flipped += f ? 1 : 0;
                differ += a[at] != other[at] ? 1 : 0;
            }
            assertTrue(flipped > 70 && flipped < 130, flipped + " of " + n + " flipped");
            assertTrue(differ > 50, "another seed flips other images (" + differ + " differ)");
        }
    }
}
