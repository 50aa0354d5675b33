package org.jgan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
