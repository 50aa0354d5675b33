package org.jgan.metrics.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.captions.Caption;
import org.jgan.core.data.captions.CaptionAttribute;
import org.jgan.core.data.captions.CaptionedImages;
import org.junit.jupiter.api.Test;

class CaptionConflictsTest {
    static final int BRIGHT = CaptionAttribute.values()[0].bit();
    static final int SIZE = CaptionAttribute.values()[1].bit();

    /** Images of classes {@code labels} with captions {@code captions} and levels {@code levels}. */
    static CaptionedImages captioned(int[] labels, List<Caption> captions, int[][] levels) {
        ImageDataset images = new ImageDataset("hand-made", 1, 2, 2, new byte[4 * labels.length], labels,
                List.of("bag", "sandal"));
        return new CaptionedImages(images, captions, levels, null);
    }

    @Test
    void captionsConflictByClassOrByALevelBothName() {
        CaptionedImages c = captioned(new int[]{0, 0, 0, 1, 0},
                List.of(new Caption("a dark bag", BRIGHT), new Caption("a light bag", BRIGHT),
                        new Caption("a small bag", SIZE), new Caption("a dark sandal", BRIGHT),
                        new Caption("a dark, small bag", BRIGHT | SIZE)),
                new int[][]{{0, 2, 1}, {2, 2, 1}, {1, 0, 1}, {0, 0, 0}, {0, 0, 2}});
        CaptionConflicts k = new CaptionConflicts(c);
        assertTrue(k.test("a dark bag", "a light bag"), "another brightness");
        assertTrue(k.test("a dark bag", "a dark sandal"), "another class");
        assertFalse(k.test("a dark bag", "a small bag"), "different attributes can both be true");
        assertFalse(k.test("a dark bag", "a dark, small bag"));
        assertTrue(k.test("a light bag", "a dark, small bag"));
        assertFalse(k.test("a dark bag", "a dark bag"));
        // the levels of attributes a caption does not name do not count (image 2's brightness 1 is unnamed)
        assertFalse(k.test("a small bag", "a light bag"));
        DataException e = assertThrows(DataException.class, () -> k.test("a dark bag", "a zebra"));
        assertTrue(e.getMessage().contains("\"a zebra\""), e.getMessage());
    }

    @Test
    void userCaptionsAndTextsWithTwoMeaningsAreRefused() {
        CaptionedImages user = CaptionedImages.ofTexts(new ImageDataset("mine", 1, 2, 2, new byte[8], null, List.of()),
                List.of("a cat", "a dog"));
        DataException e = assertThrows(DataException.class, () -> new CaptionConflicts(user));
        assertTrue(e.getMessage().contains("mine") && e.getMessage().contains("user captions"), e.getMessage());
        CaptionedImages twice = captioned(new int[]{0, 1}, List.of(new Caption("a dark bag", BRIGHT),
                new Caption("a dark bag", BRIGHT)), new int[][]{{0, 0, 0}, {0, 0, 0}});
        e = assertThrows(DataException.class, () -> new CaptionConflicts(twice));
        assertTrue(e.getMessage().contains("two different contents (image 2)"), e.getMessage());
    }
}
