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
    void wrongCandidatesComeOnlyFromWhatThePredicateAllows() {
        // each shape's only allowed wrong caption is the next shape's name: the image's own caption is first exactly
        // when it outscores that one caption
        List<String> own = test.texts();
        java.util.function.BiPredicate<String, String> next = (a, b) ->
                b.equals(NAMES.get((NAMES.indexOf(a) + 1) % NAMES.size()));
        double r = RPrecision.of(matcher, test.images(), own, own, 1, next);
        int beats = 0;
        try (org.jgan.engine.StepScope s = org.jgan.engine.StepScope.open();
             org.bytedeco.pytorch.NoGradGuard g = new org.bytedeco.pytorch.NoGradGuard()) {
            int[] all = java.util.stream.IntStream.range(0, test.size()).toArray();
            float[] img = org.jgan.engine.Tensors.toFloats(matcher.images(org.jgan.core.data.Batches.images(
                    test.images(), all)));
            int[][] ids = matcher.tokenizer().encodeAll(NAMES);
            float[] txt = org.jgan.engine.Tensors.toFloats(matcher.texts(org.jgan.engine.Tensors.fromRows(ids,
                    new int[]{0, 1, 2})));
            int d = ImageTextMatcher.DIM;
            for (int i = 0; i < test.size(); i++) {
                int a = NAMES.indexOf(own.get(i));
                int b = (a + 1) % NAMES.size();
                double sa = 0;
                double sb = 0;
                for (int k = 0; k < d; k++) {
                    sa += img[i * d + k] * txt[a * d + k];
                    sb += img[i * d + k] * txt[b * d + k];
                }
                beats += sa > sb ? 1 : 0;
            }
        }
        assertEquals((double) beats / test.size(), r, 1e-12);
        DataException e = assertThrows(DataException.class,
                () -> RPrecision.of(matcher, test.images(), own, own, 1, (a, b) -> false));
        assertTrue(e.getMessage().contains("no caption of the pool can be wrong for the prompt"), e.getMessage());
    }

    @Test
    void oneCaptionForAllIsRefused() {
        List<String> same = Collections.nCopies(test.size(), "a square block");
        assertThrows(DataException.class, () -> RPrecision.of(matcher, test.images(), same, same, 1));
        assertThrows(DataException.class, () -> RPrecision.of(matcher, test.images(), same.subList(0, 3),
                test.texts(), 1));
    }
}
