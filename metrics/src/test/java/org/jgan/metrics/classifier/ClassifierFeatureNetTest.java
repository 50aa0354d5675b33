package org.jgan.metrics.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in classifier as SRGAN's feature network: its second block's map, gradients to the images only, batch
 * norm left in eval mode when the loop switches the wrapper to training, and one-line refusals of other shapes.
 */
class ClassifierFeatureNetTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void givesTheClassifiersContentFeaturesWithGradientsToTheImagesOnly() {
        try (ClassifierFeatureNet f = ClassifierFeatureNet.builtin(1, 28, 28); StepScope s = StepScope.open()) {
            torch.manual_seed(3);
            Tensor x = torch.rand(4, 1, 28, 28).mul(new org.bytedeco.pytorch.Scalar(2))
                    .sub(new org.bytedeco.pytorch.Scalar(1));
            float[] before = Tensors.toFloats(f.classifier().features(x));
            f.train(true);
            x.set_requires_grad(true);
            Tensor y = f.forward(x, null);
            assertArrayEquals(new long[]{4, 64, 7, 7}, Tensors.shape(y));
            y.square().sum().backward();
            assertTrue(x.grad().abs().sum().item_double() > 0, "no gradient to the images");
            TensorVector p = f.classifier().parameters(true);
            for (long i = 0; i < p.size(); i++) {
                assertFalse(p.get(i).requires_grad(), "classifier weight " + i + " is trainable");
                assertFalse(p.get(i).grad().defined(), "classifier weight " + i + " received a gradient");
            }
            assertEquals(0, f.parameters(true).size(), "the classifier is not a parameter of the run");
            assertFalse(f.classifier().is_training(), "the classifier left eval mode");
            assertArrayEquals(before, Tensors.toFloats(f.classifier().features(x.detach())),
                    "batch-norm statistics moved");
        }
    }

    @Test
    void refusesImagesItWasNotTrainedOn() {
        ConfigException rgb = assertThrows(ConfigException.class, () -> ClassifierFeatureNet.builtin(3, 28, 28));
        assertEquals("i2i.featureNet=classifier: jgan's built-in classifier takes 1x28x28 images (Fashion-MNIST) "
                + "but this run trains on 3x28x28 (RGB) images; give the path of a TorchScript feature network for "
                + "this data, or none", rgb.getMessage());
        ConfigException big = assertThrows(ConfigException.class, () -> ClassifierFeatureNet.builtin(1, 16, 16));
        assertTrue(big.getMessage().contains("takes 1x28x28 images (Fashion-MNIST) but this run trains on 1x16x16 "
                + "images;"), big.getMessage());
    }
}
