package org.jgan.metrics.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.DataShape;
import org.jgan.engine.NativeMemory;
import org.jgan.engine.Torch;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.source.DatasetSource;
import org.jgan.metrics.source.GeneratorSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeatureRunnerTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** A "generator" that ignores its input and draws NaN or constant images. */
    static final class ConstantGenerator extends GanNet {
        private final double value;

        ConstantGenerator(double value) {
            this.value = value;
        }

        @Override
        public Tensor forward(Tensor z, Tensor labels) {
            return torch.full(new long[]{z.size(0), 1, 28, 28}, new Scalar(value));
        }
    }

    @Test
    void nativeMemoryStaysFlatAndResultsRepeat() throws Exception {
        ImageDataset data = SyntheticData.shapes(600, 28, 1);
        try (ClassifierFeatures fx = ClassifierFeatures.builtin()) {
            FeatureSet first = FeatureRunner.extract(fx, new DatasetSource(data));
            long live = NativeMemory.liveObjects();
            for (int i = 0; i < 3; i++) {
                FeatureSet again = FeatureRunner.extract(fx, new DatasetSource(data));
                assertArrayEquals(first.features(), again.features());
            }
            assertTrue(NativeMemory.liveObjects() <= live + 5, "live native objects grew from " + live + " to "
                    + NativeMemory.liveObjects());
        }
    }

    @Test
    void generatorNaNIsNamed() {
        try (ConstantGenerator g = new ConstantGenerator(Double.NaN);
             GeneratorSource src = new GeneratorSource(g, "runs/broken@step-000100", 8,
                     new DataShape(1, 28, 28, 0), 10, 0)) {
            DataException e = assertThrows(DataException.class, () -> src.next(10));
            assertTrue(e.getMessage().startsWith("runs/broken@step-000100") && e.getMessage().contains("NaN"),
                    e.getMessage());
        }
    }
}
