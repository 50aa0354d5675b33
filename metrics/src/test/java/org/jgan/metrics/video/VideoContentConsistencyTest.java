package org.jgan.metrics.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgan.core.data.DataException;
import org.jgan.core.data.clips.Clips;
import org.jgan.engine.Torch;
import org.jgan.metrics.features.ClassifierFeatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real clips keep their garment; clips whose frames are different garments do not. */
class VideoContentConsistencyTest {
    private static ClassifierFeatures classifier;

    @BeforeAll
    static void init() throws Exception {
        Torch.init(1);
        classifier = ClassifierFeatures.builtin();
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void realClipsAreConsistent() {
        ContentConsistency c = ContentConsistency.of(TestClips.real("test", 64), classifier);
        assertEquals(64, c.clips());
        assertTrue(c.consistent() >= 0.9, "consistent " + c.consistent());
        assertTrue(c.agreement() >= 0.95, "agreement " + c.agreement());
        assertTrue(c.classMatch() >= 0.8, "frames of their own class " + c.classMatch());
        // the same clips labelled with the next class: consistent still, but not the class asked for
        Clips real = TestClips.real("test", 64);
        int[] next = java.util.Arrays.stream(real.labels()).map(l -> (l + 1) % 10).toArray();
        Clips wrong = new Clips("wrong", 1, real.frames(), real.height(), real.width(), real.pixels(), next,
                real.classNames(), null, 0);
        ContentConsistency w = ContentConsistency.of(wrong, classifier);
        assertEquals(c.consistent(), w.consistent(), 0);
        assertTrue(w.classMatch() <= 0.2, "frames of the wrong class " + w.classMatch());
    }

    @Test
    void framesOfDifferentGarmentsAreNot() {
        Clips real = TestClips.real("test", 64);
        int t = real.frames();
        int plane = real.height() * real.width();
        byte[] px = new byte[real.pixels().length];
        for (int i = 0; i < 64; i++) {
            for (int f = 0; f < t; f++) {
                // frame f of clip i comes from clip i + 4f: sixteen garments, of classes drawn at random
                int from = (i + 4 * f) % 64;
                System.arraycopy(real.pixels(), (from * t + f) * plane, px, (i * t + f) * plane, plane);
            }
        }
        Clips mixed = new Clips("mixed", 1, t, real.height(), real.width(), px, null, real.classNames(), null, 0);
        ContentConsistency c = ContentConsistency.of(mixed, classifier);
        assertTrue(c.consistent() <= 0.05, "consistent " + c.consistent());
        assertTrue(c.agreement() <= 0.6, "agreement " + c.agreement());
        assertTrue(Double.isNaN(c.classMatch()), "unlabelled clips have no asked class");
    }

    @Test
    void cropsSitOnTheCentreOfMassEvenPastTheFrame() {
        // a bright 3x3 block around (40, 2) of a 48x48 frame, grey everywhere else: the 28x28 crop starts at
        // (round(26.5), round(-11.5)) = (27, -11), so the block's centre is at the crop's (13, 13); the crop's
        // columns from 21 and rows to 10 lie outside the frame and are black
        byte[] px = new byte[48 * 48];
        java.util.Arrays.fill(px, (byte) 7);
        for (int y = 1; y <= 3; y++) {
            for (int x = 39; x <= 41; x++) {
                px[y * 48 + x] = (byte) 255;
            }
        }
        Clips one = new Clips("dot", 1, 1, 48, 48, px, null, java.util.List.of(), null, 0);
        float[] crop = new float[28 * 28];
        ContentConsistency.crop(px, one, 0, 40, 2, classifier.shape(), crop, 0);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                boolean block = Math.abs(x - 13) <= 1 && Math.abs(y - 13) <= 1;
                boolean inFrame = x < 21 && y >= 11;
                assertEquals(block ? 255f : inFrame ? 7f : 0f, crop[y * 28 + x], 0f, "crop pixel (" + x + ", " + y
                        + ")");
            }
        }
    }

    @Test
    void refusesFramesSmallerThanTheClassifiersInput() {
        Clips small = TestClips.square(16, 4, new int[]{1, 2}, new int[]{1, 2});
        DataException e = assertThrows(DataException.class, () -> ContentConsistency.of(small, classifier));
        assertTrue(e.getMessage().startsWith("square: frames of 16x16"), e.getMessage());
    }
}
