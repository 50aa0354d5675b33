package org.jgan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.junit.jupiter.api.Test;

class MinibatchStdTest {
    @Test
    void theExtraChannelIsTheGroupsDeviation() {
        try (StepScope s = StepScope.open()) {
            // 4 samples of 1 channel of 1x2: values 0, 2, 0, 2 at both pixels -> deviation 1 over the group of 4
            float[] v = {0, 0, 2, 2, 0, 0, 2, 2};
            Tensor out = MinibatchStd.append(Tensors.fromFloats(v, 4, 1, 1, 2));
            assertArrayEquals(new long[]{4, 2, 1, 2}, Tensors.shape(out));
            float[] o = Tensors.toFloats(out.contiguous());
            assertEquals(0f, o[0]);
            assertEquals(1.0, o[2], 1e-6, "the appended channel");
            assertEquals(1.0, o[15], 1e-6);
            // copies of one sample: nothing to tell them apart but the epsilon
            Tensor same = MinibatchStd.append(Tensors.fromFloats(new float[]{3, 1, 3, 1, 3, 1, 3, 1}, 4, 1, 1, 2));
            assertEquals(1e-4, Tensors.toFloats(same.contiguous())[2], 1e-6);
            assertEquals(3, MinibatchStd.groupSize(6), "the largest group up to 4 that divides the batch");
            assertEquals(1, MinibatchStd.groupSize(7));
        }
    }

    @Test
    void aLargerGroupComparesMoreSamples() {
        try (StepScope s = StepScope.open()) {
            // 8 samples of two kinds, sample i of kind i % 2. A group takes every (n / g)-th sample, so groups of 4
            // hold samples i, i+2, i+4, i+6, one kind each (deviation 0); one group of 8 holds both (deviation 1)
            float[] v = {0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2};
            Tensor x = Tensors.fromFloats(v, 8, 1, 1, 2).reshape(2, 4, 1, 1, 2).transpose(0, 1).reshape(8, 1, 1, 2);
            float[] four = Tensors.toFloats(MinibatchStd.append(x, 4).contiguous());
            float[] eight = Tensors.toFloats(MinibatchStd.append(x, 8).contiguous());
            assertEquals(1e-4, four[2], 1e-6, "groups of 4 take samples 2 apart: all of one kind");
            assertEquals(1.0, eight[2], 1e-6, "one group of 8 holds both kinds");
            assertEquals(8, MinibatchStd.groupSize(16, 8));
            assertEquals(16, MinibatchStd.groupSize(16, 32), "at most the whole batch");
            assertEquals(6, MinibatchStd.groupSize(12, 8), "the largest divisor of the batch up to the limit");
            assertEquals(1, MinibatchStd.groupSize(16, 1));
            assertThrows(IllegalArgumentException.class, () -> MinibatchStd.groupSize(16, 0));
        }
    }
}
