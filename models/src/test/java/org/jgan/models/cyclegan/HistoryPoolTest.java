package org.jgan.models.cyclegan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.train.Checkpoints;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the CycleGAN history pool: while filling it passes new images through; once full it returns a mix of new
 * images and older stored ones (about half each) while storing the new ones; and its contents survive a checkpoint.
 */
class HistoryPoolTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    /** n images of 1 x 2 x 2 whose pixels all equal their id, ids from {@code first}. */
    static Tensor batch(int first, int n) {
        return torch.arange(new Scalar(first), new Scalar(first + n)).to(torch.ScalarType.Float)
                .view(n, 1, 1, 1).expand(n, 1, 2, 2).contiguous();
    }

    static float[] ids(Tensor images) {
        return Tensors.toFloats(images.select(1, 0).select(1, 0).select(1, 0));
    }

    @Test
    void returnsAMixOfOldAndNewImages() throws Exception {
        Generator rng = torch.createCPUGenerator(5);
        try (HistoryPool pool = new HistoryPool(10, 1, 2, 2); StepScope s = StepScope.open()) {
            float[] first = ids(pool.query(batch(0, 10), new GeneratorOptional(rng)));
            for (int i = 0; i < 10; i++) {
                assertEquals(i, first[i], "a filling pool passes new images through");
            }
            assertEquals(10, pool.stored());
            int old = 0;
            int fresh = 0;
            for (int round = 1; round <= 20; round++) {
                float[] got = ids(pool.query(batch(100 * round, 8), new GeneratorOptional(rng)));
                for (int i = 0; i < 8; i++) {
                    if (got[i] == 100 * round + i) {
                        fresh++;
                    } else {
                        // stored earlier: in a previous round, or earlier in this batch (the pool works image by image)
                        assertTrue(got[i] < 100 * round + i, "an old image is one stored before it: " + got[i]);
                        old++;
                    }
                }
            }
            assertEquals(160, old + fresh);
            assertTrue(old > 50 && fresh > 50, "about half old, half new: " + old + " old, " + fresh + " new");
            assertEquals(10, pool.stored());
        }
    }

    @Test
    void contentsSurviveACheckpoint() throws Exception {
        Path file = tmp.resolve("pool.pt");
        float[] saved;
        try (HistoryPool pool = new HistoryPool(4, 1, 2, 2); StepScope s = StepScope.open()) {
            pool.query(batch(7, 3), new GeneratorOptional(torch.createCPUGenerator(1)));
            Checkpoints.saveModule(pool, file);
            saved = Tensors.toFloats(pool.buffers().get(0));
        }
        try (HistoryPool back = new HistoryPool(4, 1, 2, 2); StepScope s = StepScope.open()) {
            Checkpoints.loadModule(back, file);
            assertEquals(3, back.stored());
            assertEquals(java.util.Arrays.toString(saved), java.util.Arrays.toString(Tensors.toFloats(
                    back.buffers().get(0))));
            // the restored pool keeps filling from slot 3
            float[] next = ids(back.query(batch(50, 2), new GeneratorOptional(torch.createCPUGenerator(1))));
            assertEquals(50, next[0]);
            assertEquals(4, back.stored());
        }
    }
}
