package org.jgan.api.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.junit.jupiter.api.Test;

/** The experiment's conditions train what they claim to, and its settings refuse what cannot run. */
class AugmentExperimentTest {
    @Test
    void syntheticImagesEqualToTheRealOnesGiveExactlyTheControl() {
        // The control fills the synthetic slots with the real images; when the "synthetic" set is a copy of the real
        // one, the augmented classifier must see the very same batches, so every seed's accuracy is the same.
        ImageDataset real = SyntheticData.shapes(12, 28, 1);
        ImageDataset test = SyntheticData.shapes(9, 28, 2);
        ImageDataset copy = new ImageDataset("copy", 1, 28, 28, real.pixels().clone(), real.labels().clone(),
                real.classNames());
        List<String> log = new ArrayList<>();
        AugmentResult r = AugmentExperiment.run(new AugmentData(real, test), copy,
                new AugmentSettings(2, 2, Mixing.added(4, 0.5), true), log::add);
        assertArrayEquals(r.control(), r.augmented());
        assertEquals(0.0, r.overControl().orElseThrow().difference());
        assertEquals(4, log.size(), "one line per seed for the two conditions, one per seed for the control");
        for (double[] accs : new double[][]{r.real(), r.augmented()}) {
            assertEquals(2, accs.length);
            for (double a : accs) {
                assertEquals(Math.rint(a * 9), a * 9, 1e-9, "an accuracy on 9 test images is a count over 9: " + a);
            }
        }
    }

    @Test
    void settingsThatCannotRunAreRefusedInTheLibrarysWords() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new AugmentSettings(1, 1, Mixing.pooled(), true));
        assertTrue(e.getMessage().contains("control needs added mixing"), e.getMessage());
        for (ConfigException x : List.of(assertThrows(ConfigException.class, () -> Mixing.added(0, 1)),
                assertThrows(ConfigException.class, () -> Mixing.added(4, -1)),
                assertThrows(ConfigException.class, () -> new AugmentSettings(0, 1, Mixing.pooled(), false)))) {
            assertFalse(x.getMessage().contains("--"), x.getMessage());
        }
    }
}
