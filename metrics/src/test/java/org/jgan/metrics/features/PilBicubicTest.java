package org.jgan.metrics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.metrics.Fixtures;
import org.jgan.metrics.npz.NpyArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PilBicubicTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @ParameterizedTest
    @CsvSource({"up, 13, 37", "down, 41, 9"})
    void matchesPilFloatResize(String key, int h, int w) throws Exception {
        Map<String, NpyArray> v = Fixtures.npz("resize-expected.npz");
        double[] ch = v.get("channel").data();
        float[] px = new float[ch.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) ch[i];
        }
        double[] expected = v.get(key).data();
        try (StepScope s = StepScope.open()) {
            Tensor out = PilBicubic.resize(Tensors.fromFloats(px, 1, 1, 20, 24), h, w);
            float[] got = Tensors.toFloats(out);
            assertEquals(expected.length, got.length);
            for (int i = 0; i < got.length; i++) {
                assertEquals(expected[i], got[i], 2e-4, key + " pixel " + i);
            }
        }
    }
}
