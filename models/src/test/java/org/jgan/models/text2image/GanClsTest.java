package org.jgan.models.text2image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wrong captions for the matching-aware discriminator and interpolated embeddings (Reed et al. 2016). */
class GanClsTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void derangementsArePermutationsWithoutFixedPoints() {
        for (int n = 2; n <= 17; n++) {
            for (long seed = 0; seed < 20; seed++) {
                long[] p = GanCls.derangement(n, seed);
                long[] sorted = p.clone();
                Arrays.sort(sorted);
                for (int i = 0; i < n; i++) {
                    assertEquals(i, sorted[i], "a permutation of 0.." + (n - 1) + ": " + Arrays.toString(p));
                    assertNotEquals(i, p[i], "row " + i + " keeps its place: " + Arrays.toString(p));
                }
            }
        }
        assertArrayEquals(GanCls.derangement(9, 3), GanCls.derangement(9, 3), "the seed decides");
        assertFalse(Arrays.equals(GanCls.derangement(9, 3), GanCls.derangement(9, 4)), "seeds give other pairings");
        assertThrows(IllegalArgumentException.class, () -> GanCls.derangement(1, 0));
    }

    @Test
    void noImageKeepsItsOwnCaption() {
        try (StepScope s = StepScope.open()) {
            int b = 6;
            int len = 3;
            long[] ids = new long[b * len];
            for (int r = 0; r < b; r++) {
                ids[r * len] = 2 + r; // every caption starts with its own word
                ids[r * len + 1] = 1;
            }
            Tensor tokens = Tensors.fromLongs(ids, b, len);
            for (long seed = 0; seed < 10; seed++) {
                long[] wrong = Tensors.toLongs(GanCls.wrongCaptions(tokens, seed));
                long[] firstWords = new long[b];
                for (int r = 0; r < b; r++) {
                    firstWords[r] = wrong[r * len];
                    assertNotEquals(2 + r, wrong[r * len], "row " + r + " kept its caption");
                    assertEquals(1, wrong[r * len + 1], "rows move whole");
                }
                Arrays.sort(firstWords);
                assertArrayEquals(new long[]{2, 3, 4, 5, 6, 7}, firstWords, "every caption is used once");
            }
            assertThrows(IllegalArgumentException.class, () -> GanCls.wrongCaptions(Tensors.fromLongs(new long[]{2, 3},
                    1, 2), 0));
        }
    }

    @Test
    void differsFindsWrongCaptionsEqualToTheRightOne() {
        try (StepScope s = StepScope.open()) {
            Tensor tokens = Tensors.fromLongs(new long[]{2, 3, 2, 3, 4, 0}, 3, 2);
            Tensor wrong = Tensors.fromLongs(new long[]{2, 3, 4, 0, 2, 3}, 3, 2);
            long[] d = Tensors.toLongs(GanCls.differs(tokens, wrong));
            assertArrayEquals(new long[]{0, 1, 1}, d);
        }
    }

    @Test
    void interpolatesBetweenTwoEmbeddings() {
        try (StepScope s = StepScope.open()) {
            Tensor e1 = Tensors.fromFloats(new float[]{1, 2, 3, 4}, 2, 2);
            Tensor e2 = Tensors.fromFloats(new float[]{3, 2, 1, 0}, 2, 2);
            assertArrayEquals(new float[]{2, 2, 2, 2}, Tensors.toFloats(GanCls.interpolated(e1, e2, GanCls.BETA)));
            assertArrayEquals(new float[]{2.5f, 2, 1.5f, 1}, Tensors.toFloats(GanCls.interpolated(e1, e2, 0.25)));
            assertArrayEquals(Tensors.toFloats(e1), Tensors.toFloats(GanCls.interpolated(e1, e2, 1)));
            assertThrows(IllegalArgumentException.class, () -> GanCls.interpolated(e1, e2, 1.5));
            assertThrows(IllegalArgumentException.class, () -> GanCls.interpolated(e1, e2, Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> GanCls.interpolated(e1, e2.view(4), 0.5));
        }
    }
}
