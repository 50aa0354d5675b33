package org.jgan.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.captions.CaptionThresholds;
import org.jgan.core.data.captions.CaptionedFashionMnist;
import org.jgan.core.data.captions.CaptionedImages;
import org.jgan.core.train.DataShape;
import org.jgan.metrics.source.DatasetSource;
import org.jgan.metrics.text.CaptionConflicts;
import org.jgan.metrics.text.ImageTextMatcher;
import org.jgan.metrics.text.MatcherCache;
import org.jgan.metrics.text.MatcherTraining;
import org.jgan.metrics.text.RPrecision;
import org.jgan.metrics.text.TextAgreement;
import org.jgan.metrics.text.TextScores;
import org.jgan.engine.Tensors;
import org.jgan.models.RunGenerator;
import org.jgan.models.text2image.PromptEncoder;
import org.jgan.models.text2image.TextConditioning;

/**
 * Evaluating a text2image run: images drawn for the captions of the Fashion-MNIST test split (the prompts a user
 * would write), scored as every run is (FID, KID, precision/recall against the test split, class accuracy of the
 * class each prompt names, within-class diversity), for agreement with their prompts ({@link TextAgreement}) and by
 * R-precision ({@link RPrecision}).
 */
final class TextEvaluation {
    private TextEvaluation() {
    }

    /** The scores, and the agreement, of {@code e.samples()} images, image i drawn for test caption i (cycling). */
    static Result evaluate(RunGenerator generator, Path runDir, Evaluation e) throws IOException {
        Path thresholdsFile = runDir.resolve(TextConditioning.THRESHOLDS);
        if (!Files.isRegularFile(thresholdsFile)) {
            throw new ConfigException(runDir + ": evaluating a text2image run draws images for the captions of "
                    + "captioned Fashion-MNIST's test split and measures them by the rule that made the captions; "
                    + "this run trained on other captions (no " + TextConditioning.THRESHOLDS + ")");
        }
        CaptionThresholds t = CaptionThresholds.load(thresholdsFile);
        CaptionedImages test = CaptionedFashionMnist.open("test", t, TextConditioning.FASHION_CAPTION_SEED);
        int[][] ids = PromptEncoder.ofRun(runDir).encode(test.texts());
        int n = e.samples();
        int p = test.size();
        byte[] px = generator.generate(n, e.seed(), (from, m) -> Tensors.fromRows(ids,
                IntStream.range(from, from + m).map(i -> i % p).toArray()), 1.0);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = test.images().labels()[i % p];
        }
        DataShape s = generator.shape();
        ImageDataset fake = new ImageDataset(runDir + " for test captions", s.channels(), s.height(), s.width(), px,
                labels, test.images().classNames());
        String ref = e.reference() != null ? e.reference() : "fashion-mnist:test";
        // Within-prompt diversity groups images by caption text, generated and real alike; the real side is the
        // test split in order, so it is measured only against that reference.
        int[] textIds = textIds(test.texts());
        boolean sameRef = ref.equals("fashion-mnist:test");
        Evaluations.Scored scored = Evaluations.score(new DatasetSource(fake), i -> labels[i],
                test.images().numClasses(), ref, e, sameRef ? i -> textIds[i % p] : null, sameRef ? textIds : null);
        return new Result(scored, new TextScores(TextAgreement.of(fake, test), scored.withinGroup())
                .withR(rPrecision(fake, test, e.seed())));
    }

    /** An id per distinct text, in order of first appearance. */
    private static int[] textIds(List<String> texts) {
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        int[] out = new int[texts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(texts.get(i), k -> ids.size());
        }
        return out;
    }

    /**
     * R-precision of the generated images, of the same images with their prompts shuffled, and of the real test
     * images with their own captions, by a matcher trained on the captioned train split (cached); first with random
     * wrong captions, then with conflicting ones only.
     */
    private static double[] rPrecision(ImageDataset fake, CaptionedImages test, long seed) throws IOException {
        CaptionedImages train = CaptionedFashionMnist.open("train", test.thresholds(),
                TextConditioning.FASHION_CAPTION_SEED);
        List<String> pool = test.texts();
        List<String> own = new ArrayList<>(fake.size());
        for (int i = 0; i < fake.size(); i++) {
            own.add(pool.get(i % pool.size()));
        }
        List<String> shuffled = new ArrayList<>(own);
        Collections.shuffle(shuffled, new Random(seed));
        try (ImageTextMatcher m = MatcherCache.get(train, MatcherTraining.defaults(), System.err::println)) {
            CaptionConflicts conflicts = new CaptionConflicts(test);
            return new double[]{RPrecision.of(m, fake, own, pool, seed), RPrecision.of(m, fake, shuffled, pool, seed),
                    RPrecision.of(m, test.images(), pool, pool, seed),
                    RPrecision.of(m, fake, own, pool, seed, conflicts),
                    RPrecision.of(m, fake, shuffled, pool, seed, conflicts),
                    RPrecision.of(m, test.images(), pool, pool, seed, conflicts)};
        }
    }

    /** The image scores and the text scores of one evaluation. */
    record Result(Evaluations.Scored scored, TextScores text) {
    }
}
