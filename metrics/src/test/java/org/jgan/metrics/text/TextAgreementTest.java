package org.jgan.metrics.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.data.captions.CaptionThresholds;
import org.jgan.core.data.captions.CaptionedFashionMnist;
import org.jgan.core.data.captions.CaptionedImages;
import org.jgan.core.data.captions.Captioner;
import org.jgan.core.data.captions.HeldOutCompositions;
import org.junit.jupiter.api.Test;

class TextAgreementTest {
    static final ImageDataset REAL = SyntheticData.shapes(600, 28, 3);
    static final CaptionedImages CAPTIONED = CaptionedFashionMnist.caption(REAL, CaptionThresholds.fit(REAL),
            new Captioner(1), false);

    @Test
    void theImagesTheCaptionsWereMadeFromAgreeWithThemEverywhere() {
        TextAgreement a = TextAgreement.of(REAL, CAPTIONED);
        assertEquals(600, a.images());
        for (double v : a.perAttribute()) {
            assertEquals(1.0, v);
        }
        assertEquals(1.0, a.overall());
        assertEquals(1.0, a.allMentioned());
        int held = 0;
        for (int i = 0; i < REAL.size(); i++) {
            held += HeldOutCompositions.isHeldOut(REAL.labels()[i], CAPTIONED.levels()[i]) ? 1 : 0;
        }
        assertEquals(held, a.heldOutImages());
        assertTrue(held > 0, "no held-out composition among the synthetic images");
        assertEquals(1.0, a.heldOut());
        for (long[][] perAttribute : a.confusion()) {
            for (int named = 0; named < perAttribute.length; named++) {
                for (int measured = 0; measured < perAttribute.length; measured++) {
                    assertTrue(named == measured || perAttribute[named][measured] == 0, "a miss off the diagonal");
                }
            }
        }
    }

    @Test
    void theConfusionCountsEachMentionedAttributeWhereItMeasures() {
        // every image scored against the caption of the image 3 ahead: misses fill the off-diagonal cells, and the
        // cells add up to the mentions, and the diagonal to the hits
        int[] shifted = java.util.stream.IntStream.range(0, REAL.size()).map(i -> (i + 3) % REAL.size()).toArray();
        TextAgreement a = TextAgreement.of(REAL.select(shifted, "shifted"), CAPTIONED);
        long mentions = 0;
        long hits = 0;
        long offDiagonal = 0;
        for (long[][] m : a.confusion()) {
            for (int named = 0; named < m.length; named++) {
                for (int measured = 0; measured < m.length; measured++) {
                    mentions += m[named][measured];
                    hits += named == measured ? m[named][measured] : 0;
                    offDiagonal += named == measured ? 0 : m[named][measured];
                }
            }
        }
        assertTrue(offDiagonal > 0, "no misses counted");
        assertEquals(a.overall(), (double) hits / mentions, 1e-12);
        assertTrue(a.toMap().get("confusion") instanceof java.util.Map<?, ?> c && c.containsKey("texture"));
    }

    @Test
    void imagesOfOtherCaptionsAgreeAboutAsOftenAsChance() {
        // image i scored against caption i + 1 of the same class: independent draws, so about 1/3 per attribute
        int[] shifted = new int[REAL.size()];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = (i + 3) % shifted.length;
        }
        TextAgreement a = TextAgreement.of(REAL.select(shifted, "shifted"), CAPTIONED);
        assertTrue(a.overall() > 0.2 && a.overall() < 0.5, "agreement " + a.overall());
        assertTrue(a.allMentioned() < 0.5, "all mentioned " + a.allMentioned());
    }

    @Test
    void promptsCycleWhenThereAreMoreImagesThanPrompts() {
        ImageDataset twice = REAL.select(java.util.stream.IntStream.range(0, 1200).map(i -> i % 600).toArray(), "x2");
        TextAgreement a = TextAgreement.of(twice, CAPTIONED);
        assertEquals(1200, a.images());
        assertEquals(1.0, a.overall());
    }

    @Test
    void userCaptionsCannotBeScoredByTheRule() {
        CaptionedImages user = CaptionedImages.ofTexts(REAL.head(3), List.of("a", "b", "c"));
        DataException e = assertThrows(DataException.class, () -> TextAgreement.of(REAL.head(3), user));
        assertTrue(e.getMessage().contains("user captions"), e.getMessage());
    }
}
