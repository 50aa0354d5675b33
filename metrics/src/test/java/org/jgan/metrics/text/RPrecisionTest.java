package org.jgan.metrics.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.data.captions.CaptionedImages;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RPrecisionTest {
    static ImageTextMatcher matcher;
    static CaptionedImages test;

    /** Captions that name the shape only: a judge that learns anything ranks the true one first. */
    static final List<String> NAMES = List.of("a square block", "a horizontal bar", "a vertical bar");

    @BeforeAll
    static void train() {
        Torch.init(2);
        ImageDataset all = SyntheticData.shapes(400, 28, 11);
        CaptionedImages train = captioned(all.head(300));
        test = captioned(all.select(java.util.stream.IntStream.range(300, 400).toArray(), "test"));
        // 20 epochs: at 10 the judge reached 0.90-0.93 depending on the CPU (Zen 5 against Xeon), too close to the bar
        matcher = new MatcherTraining(20, 50, 1e-3, 3).train(train, s -> { });
    }

    static CaptionedImages captioned(ImageDataset d) {
        List<String> texts = new ArrayList<>();
        for (int l : d.labels()) {
            texts.add(NAMES.get(l));
        }
        return CaptionedImages.ofTexts(d, texts);
    }

    @Test
    void aTrainedJudgeRanksTheTrueCaptionFirstAndShuffledCaptionsOnlyByLuck() {
        List<String> own = test.texts();
        List<String> shuffled = new ArrayList<>(own);
        Collections.shuffle(shuffled, new Random(5));
        double real = RPrecision.of(matcher, test.images(), own, own, 1);
        double wrong = RPrecision.of(matcher, test.images(), shuffled, own, 1);
        // chance is about a third (three shapes); some small synthetic shapes stay ambiguous, so not 1.0
        assertTrue(real >= 0.85, "R-precision of real pairs " + real);
        // a shuffled prompt names the image's own shape about a third of the time; only then can it rank first
        long lucky = java.util.stream.IntStream.range(0, own.size()).filter(i -> own.get(i).equals(shuffled.get(i)))
                .count();
        assertTrue(wrong <= (double) lucky / own.size() + 0.1, wrong + " well above the lucky share " + lucky);
        assertTrue(real > 2.5 * wrong, real + " against " + wrong);
        assertEquals(real, RPrecision.of(matcher, test.images(), own, own, 1), "the same seed draws the same");
    }

    @Test
    void oneCaptionForAllIsRefused() {
        List<String> same = Collections.nCopies(test.size(), "a square block");
        assertThrows(DataException.class, () -> RPrecision.of(matcher, test.images(), same, same, 1));
        assertThrows(DataException.class, () -> RPrecision.of(matcher, test.images(), same.subList(0, 3),
                test.texts(), 1));
    }
}
