package org.jgan.models.i2i;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.StepContext;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the training jitter: every row is cropped to the crop size at its own offset and flipped or not, both sides
 * of a pair move together, and the same step seed gives the same crops.
 */
class AugmentTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    static ImageToImageConfig jitter(int crop, boolean flip) {
        ImageToImageConfig d = ImageToImageConfig.defaults();
        return new ImageToImageConfig(d.direction(), d.lambdaL1(), d.lambdaCycle(), d.lambdaIdentity(), d.poolSize(),
                d.lrDecayFrom(), d.blocks(), d.scale(), d.featureNet(), d.featureWeight(), d.pixelWeight(),
                d.advWeight(), 0, crop, flip);
    }

    /** 16 rows of 2 channels, 8 x 8; channel 0 holds x + 8y + 100 * row, channel 1 the same plus 1000. */
    static Tensor rows() {
        Tensor a = torch.arange(new Scalar(64)).to(torch.ScalarType.Float).view(1, 1, 8, 8)
                .add(torch.arange(new Scalar(16)).to(torch.ScalarType.Float).mul(new Scalar(100)).view(16, 1, 1, 1));
        return torch.cat(new TensorVector(a, a.add(new Scalar(1000))), 1);
    }

    static Tensor apply(ImageToImageConfig c, long seed) {
        StepContext ctx = new StepContext(null, null, TrainConfig.dcganFashionMnist(), rows(), null, seed, 0);
        return Augment.apply(ctx, c);
    }

    @Test
    void cropsAndFlipsEachRowWithBothSidesTogether() {
        try (StepScope s = StepScope.open()) {
            Tensor out = apply(jitter(5, true), 3);
            assertArrayEquals(new long[]{16, 2, 5, 5}, Tensors.shape(out));
            float[] v = Tensors.toFloats(out);
            int flipped = 0;
            for (int r = 0; r < 16; r++) {
                int base = r * 50;
                for (int k = 0; k < 25; k++) {
                    assertEquals(v[base + k] + 1000, v[base + 25 + k], "B moves with A");
                }
                float first = v[base];
                float next = v[base + 1];
                assertEquals(r * 100, Math.floor(first / 100) * 100, "row " + r + " keeps its own image");
                if (next == first - 1) {
                    flipped++;
                } else {
                    assertEquals(first + 1, next);
                }
                // rows of a crop are 8 apart in the source: a crop, not a resize
                assertEquals(first + 8, v[base + 5]);
            }
            assertTrue(flipped > 2 && flipped < 14, flipped + " of 16 rows flipped");
            assertArrayEquals(v, Tensors.toFloats(apply(jitter(5, true), 3)), "the step seed fixes the jitter");
        }
    }

    @Test
    void offWhenNoCropAndNoFlip() {
        try (StepScope s = StepScope.open()) {
            assertArrayEquals(Tensors.toFloats(rows()), Tensors.toFloats(apply(jitter(0, false), 1)));
        }
    }
}
