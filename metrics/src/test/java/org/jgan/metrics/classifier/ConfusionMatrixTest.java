package org.jgan.metrics.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.jgan.core.data.Batches;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.jgan.metrics.features.ClassifierFeatures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The confusion matrix of the built-in classifier on 300 Fashion-MNIST test images against predictions made one by
 * one, and the reading the image-to-image figures rely on: relabel every image as class K, and accuracy becomes the
 * share the classifier puts in K, i.e. column K of the original matrix.
 */
class ConfusionMatrixTest {
    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void countsLabelPredictionPairs() throws Exception {
        ImageDataset test = DataSources.open("fashion-mnist:test").head(300);
        try (ClassifierNet net = ClassifierFile.loadResource(ClassifierFeatures.BUILTIN_RESOURCE).net()) {
            ConfusionMatrix m = ConfusionMatrix.of(net, test);
            long[][] expected = new long[10][10];
            try (NoGradGuard g = new NoGradGuard()) {
                for (int i = 0; i < test.size(); i++) {
                    try (StepScope s = StepScope.open()) {
                        long p = Tensors.toLongs(net.forward(Batches.images(test, new int[]{i}))
                                .argmax(new LongOptional(1), false))[0];
                        expected[test.labels()[i]][(int) p]++;
                    }
                }
            }
            long right = 0;
            for (int r = 0; r < 10; r++) {
                for (int c = 0; c < 10; c++) {
                    assertEquals(expected[r][c], m.count(r, c), "label " + r + ", predicted " + c);
                }
                final int label = r;
                assertEquals(Arrays.stream(test.labels()).filter(l -> l == label).count(), m.rowTotal(r));
                right += expected[r][r];
            }
            assertEquals(300, m.total());
            assertEquals(right / 300.0, m.accuracy(), 1e-12);
            assertTrue(m.accuracy() > 0.85, "accuracy " + m.accuracy());
            assertEquals(m.accuracy(), ClassifierTraining.accuracy(net, test), 1e-12);
            String text = m.format(test.classNames());
            assertTrue(text.contains("9 Ankle boot") && text.contains(String.format("%6d", m.count(9, 9))), text);

            int[] nines = new int[test.size()];
            Arrays.fill(nines, 9);
            ImageDataset relabelled = new ImageDataset("nines", 1, 28, 28, test.pixels(), nines, test.classNames());
            ConfusionMatrix n = ConfusionMatrix.of(net, relabelled);
            long inNine = 0;
            for (int r = 0; r < 10; r++) {
                inNine += m.count(r, 9);
            }
            assertEquals(inNine / 300.0, n.accuracy(), 1e-12);
            assertEquals(300, n.rowTotal(9));
            assertFalse(n.format(test.classNames()).contains("0 T-shirt"), "rows without images are left out");
            List<String> numbers = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
            assertTrue(n.format(numbers).lines().anyMatch(l -> l.startsWith("9" + " ".repeat(15) + String.format("%6d", n.count(9, 0)))),
                    "classes named by their number are not named twice:\n" + n.format(numbers));
        }
    }
}
