package org.jgan.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.train.DataShape;
import org.jgan.core.train.Players;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkShapesTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @ParameterizedTest
    @CsvSource({"dcgan,1,28,28", "dcgan,3,32,32", "dcgan,1,16,24", "vanilla,1,28,28", "vanilla,3,8,12"})
    void generatorAndDiscriminatorShapes(String model, int c, int h, int w) {
        TrainConfig cfg = TrainConfig.dcganFashionMnist();
        cfg = cfg.withModel(new org.jgan.core.config.ModelConfig(model, 100, "non-saturating", 8));
        DataShape shape = new DataShape(c, h, w, 0);
        try (Players p = Variants.byName(model).build(cfg, shape, 1); StepScope s = StepScope.open()) {
            Tensor z = torch.randn(5, 100);
            Tensor x = p.generator().forward(z, null);
            assertArrayEquals(new long[]{5, c, h, w}, Tensors.shape(x));
            Tensor logits = p.discriminator().forward(x, null);
            assertArrayEquals(new long[]{5}, Tensors.shape(logits));
        }
    }
}
