package org.jgan.metrics.classifier;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Extra images mixed into every classifier batch are really learned from: correct extras raise test accuracy over a
 * tiny main set, wrongly labelled ones lower it. Small Fashion-MNIST slices, a few hundred steps.
 */
class ExtraDataTest {
    static ImageDataset train;
    static ImageDataset test;

    @BeforeAll
    static void init() {
        Torch.init(2);
        train = DataSources.open("fashion-mnist:train");
        test = DataSources.open("fashion-mnist:test").head(1000);
    }

    static double accuracy(ImageDataset main, ExtraData extra) {
        try (ClassifierNet net = new ClassifierTraining(60, 20, 1e-3, 7).train(main, extra, null, m -> { })) {
            return ClassifierTraining.accuracy(net, test);
        }
    }

    static ImageDataset relabelled(ImageDataset d, int shift) {
        int[] l = new int[d.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = (d.labels()[i] + shift) % d.numClasses();
        }
        return new ImageDataset(d.name() + "+shifted", d.channels(), d.height(), d.width(), d.pixels(), l,
                d.classNames());
    }

    @Test
    void correctExtrasHelpAndWrongOnesHurt() {
        ImageDataset few = train.perClass(2, 1);          // 20 images: one batch per epoch, 60 steps
        ImageDataset more = train.perClass(60, 2);        // 600 other images
        double alone = accuracy(few, null);
        double helped = accuracy(few, new ExtraData(more, 20, 1.0));
        double hurt = accuracy(few, new ExtraData(relabelled(more, 1), 20, 1.0));
        assertTrue(helped > alone + 0.05, "correct extras: " + helped + " vs " + alone + " alone");
        assertTrue(hurt < alone - 0.05, "mislabelled extras: " + hurt + " vs " + alone + " alone");
    }

    @Test
    void badExtrasAreRefusedWithTheReason() {
        ImageDataset few = train.perClass(2, 1);
        assertThrows(ConfigException.class, () -> new ExtraData(few, 0, 1.0));
        assertThrows(ConfigException.class, () -> new ExtraData(few, 21, 1.0));
        assertThrows(ConfigException.class, () -> new ExtraData(few, 4, 0.0));
        assertThrows(ConfigException.class, () -> new ExtraData(few, 4, Double.NaN));
        ImageDataset shapes = SyntheticData.shapes(30, 28, 3);   // 3 classes, not 10
        DataException e = assertThrows(DataException.class, () -> new ClassifierTraining(1, 10, 1e-3, 1)
                .train(few, new ExtraData(shapes, 5, 1.0), null, m -> { }));
        assertTrue(e.getMessage().contains("3 classes"), e.getMessage());
    }
}
