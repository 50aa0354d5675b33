package org.jgan.core.data.captions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.jgan.core.data.DataException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.junit.jupiter.api.Test;

/**
 * Captioning a labelled data set: training data leaves out the held-out compositions, test data keeps and marks them,
 * and on the real train split every level holds about a third of every class.
 */
class CaptionedFashionMnistTest {
    @Test
    void trainingLeavesOutHeldOutCompositionsAndTestKeepsThem() {
        ImageDataset ds = Garments.dataset(4, 270, 11);
        CaptionThresholds t = CaptionThresholds.fit(ds);
        Captioner cap = new Captioner(9);
        CaptionedImages train = CaptionedFashionMnist.caption(ds, t, cap, true);
        CaptionedImages test = CaptionedFashionMnist.caption(ds, t, cap, false);
        assertEquals(ds.size(), test.size());
        int held = 0;
        int[] heldPerClass = new int[4];
        for (int i = 0; i < test.size(); i++) {
            if (test.heldOut(i)) {
                held++;
                heldPerClass[ds.labels()[i]]++;
            }
        }
        assertEquals(ds.size() - held, train.size());
        for (int c = 0; c < 4; c++) {
            // Brightness and size are cut separately, so their pair holds about a ninth of the class (30 of 270).
            assertTrue(heldPerClass[c] > 5 && heldPerClass[c] < 70, "class " + c + ": " + heldPerClass[c]);
        }
        for (int i = 0; i < train.size(); i++) {
            assertFalse(train.heldOut(i));
            int cls = train.images().labels()[i];
            assertFalse(HeldOutCompositions.isHeldOut(cls, train.levels()[i]));
        }
        // A kept image keeps its caption: captions depend on the index in the split, not on what was left out.
        int j = 0;
        for (int i = 0; i < test.size(); i++) {
            if (!test.heldOut(i)) {
                assertEquals(test.captions().get(i), train.captions().get(j));
                assertArrayEquals(test.levels()[i], train.levels()[j]);
                j++;
            }
        }
        assertTrue(test.texts().get(0).contains("t-shirt"), test.texts().get(0));
        assertEquals(t, train.thresholds());
    }

    @Test
    void testSplitNeedsTrainThresholdsAndSplitsAreNamed() {
        DataException e = assertThrows(DataException.class, () -> CaptionedFashionMnist.open("test", null, 0));
        assertTrue(e.getMessage().contains("fit on the train split"), e.getMessage());
        e = assertThrows(DataException.class, () -> CaptionedFashionMnist.open("validation", null, 0));
        assertTrue(e.getMessage().contains("'validation'"), e.getMessage());
    }

    @Test
    void realTrainSplitHasPerClassTertiles() {
        assumeTrue(Files.isDirectory(DataSources.fashionMnistDir()), "Fashion-MNIST is not installed");
        // One read of the split (the slow part): open("train") is this with the thresholds fit first.
        ImageDataset full = DataSources.open("fashion-mnist:train");
        CaptionThresholds t = CaptionThresholds.fit(full);
        CaptionedImages train = CaptionedFashionMnist.caption(full, t, new Captioner(0), true);
        int[][] levels = t.levelsOf(full);
        int k = full.numClasses();
        int[][][] count = new int[k][3][3];
        int[] perClass = new int[k];
        int held = 0;
        for (int i = 0; i < full.size(); i++) {
            int c = full.labels()[i];
            perClass[c]++;
            held += HeldOutCompositions.isHeldOut(c, levels[i]) ? 1 : 0;
            for (int a = 0; a < 3; a++) {
                count[c][a][levels[i][a]]++;
            }
        }
        for (int c = 0; c < k; c++) {
            for (int a = 0; a < 3; a++) {
                for (int l = 0; l < 3; l++) {
                    double share = (double) count[c][a][l] / perClass[c];
                    assertTrue(share >= 0.25 && share <= 0.42, full.classNames().get(c) + " "
                            + CaptionAttribute.values()[a].word(l) + ": " + share);
                }
            }
        }
        assertEquals(full.size() - held, train.size());
        assertTrue(held > full.size() / 20 && held < full.size() / 5, "held out " + held);
    }
}
