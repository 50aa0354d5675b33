package org.jgan.metrics.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.TensorVector;
import org.jgan.core.data.DataException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.features.ClassifierFeatures;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.source.DatasetSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static float[] weights(ClassifierNet net) {
        try (StepScope s = StepScope.open()) {
            TensorVector p = net.parameters(true);
            List<float[]> parts = new ArrayList<>();
            int n = 0;
            for (long i = 0; i < p.size(); i++) {
                float[] f = Tensors.toFloats(p.get(i));
                parts.add(f);
                n += f.length;
            }
            float[] all = new float[n];
            int at = 0;
            for (float[] f : parts) {
                System.arraycopy(f, 0, all, at, f.length);
                at += f.length;
            }
            return all;
        }
    }

    @Test
    void builtinClassifierIsAccurateAndGives128Features() throws Exception {
        try (ClassifierFeatures fx = ClassifierFeatures.builtin()) {
            assertEquals("1x28x28", fx.shape().imageShape());
            assertEquals(10, fx.classes());
            assertTrue(fx.testAccuracy() >= 0.92, "recorded test accuracy " + fx.testAccuracy());
            ImageDataset test = DataSources.open("fashion-mnist:test").head(1000);
            FeatureSet f = FeatureRunner.extract(fx, new DatasetSource(test));
            assertEquals(128, f.dim());
            int correct = 0;
            for (int i = 0; i < f.count(); i++) {
                int best = 0;
                for (int c = 1; c < 10; c++) {
                    best = f.probs()[i * 10 + c] > f.probs()[i * 10 + best] ? c : best;
                }
                correct += best == test.labels()[i] ? 1 : 0;
            }
            assertTrue(correct >= 900, correct + " of 1000 test images right");
        }
    }

    @Test
    void refusesImagesOfTheWrongShape() throws Exception {
        try (ClassifierFeatures fx = ClassifierFeatures.builtin()) {
            DataException e = assertThrows(DataException.class, () -> fx.check("cifar/", 3, 32, 32));
            assertTrue(e.getMessage().startsWith("cifar/") && e.getMessage().contains("1x28x28")
                    && e.getMessage().contains("inception:PATH"), e.getMessage());
        }
    }

    @Test
    void trainingIsDeterministicAndSavesLoads() throws Exception {
        ImageDataset data = SyntheticData.shapes(256, 28, 3);
        ClassifierTraining t = new ClassifierTraining(1, 32, 1e-3, 5);
        try (ClassifierNet a = t.train(data, data, s -> { });
             ClassifierNet b = t.train(data, data, s -> { })) {
            float[] wa = weights(a);
            assertArrayEquals(wa, weights(b));
            Path f = tmp.resolve("c.pt");
            ClassifierFile.save(a, 0.5, f);
            assertTrue(ClassifierFile.isClassifierFile(f));
            ClassifierFile.Loaded back = ClassifierFile.load(f);
            try (ClassifierNet c = back.net()) {
                assertArrayEquals(wa, weights(c));
                assertEquals(0.5, back.testAccuracy(), 1e-7);
                assertEquals(3, c.shape().classes());
                assertEquals(ClassifierTraining.accuracy(a, data), ClassifierTraining.accuracy(c, data));
            }
        }
    }

    /** The full recipe of the built-in classifier (about 15 minutes on 2 cores). */
    @Test
    @Tag("slow")
    void recipeReachesTheAdvertisedAccuracy() {
        ClassifierTraining t = ClassifierTraining.defaults();
        ImageDataset test = DataSources.open("fashion-mnist:test");
        try (ClassifierNet net = t.train(DataSources.open("fashion-mnist"), null, System.err::println)) {
            assertTrue(ClassifierTraining.accuracy(net, test) >= 0.92);
        }
    }
}
