package org.jgan.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.captions.CaptionThresholds;
import org.jgan.core.data.captions.CaptionedFashionMnist;
import org.jgan.core.data.captions.CaptionedImages;
import org.jgan.core.train.DataShape;
import org.jgan.metrics.source.DatasetSource;
import org.jgan.metrics.text.TextAgreement;
import org.jgan.models.RunGenerator;
import org.jgan.models.text2image.PromptEncoder;
import org.jgan.models.text2image.TextConditioning;

/**
 * Evaluating a text2image run: images drawn for the captions of the Fashion-MNIST test split (the prompts a user
 * would write), scored as every run is (FID, KID, precision/recall against the test split, class accuracy of the
 * class each prompt names, within-class diversity) and for agreement with their prompts ({@link TextAgreement}).
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
        byte[] px = generator.generate(n, e.seed(), (from, m) -> {
            int[][] rows = new int[m][];
            for (int i = 0; i < m; i++) {
                rows[i] = ids[(from + i) % p];
            }
            return PromptEncoder.tensor(rows, 0, m);
        }, 1.0);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = test.images().labels()[i % p];
        }
        DataShape s = generator.shape();
        ImageDataset fake = new ImageDataset(runDir + " for test captions", s.channels(), s.height(), s.width(), px,
                labels, test.images().classNames());
        String ref = e.reference() != null ? e.reference() : "fashion-mnist:test";
        Evaluations.Scored scored = Evaluations.score(new DatasetSource(fake), i -> labels[i],
                test.images().numClasses(), ref, e);
        return new Result(scored, TextAgreement.of(fake, test));
    }

    /** The image scores and the text agreement of one evaluation. */
    record Result(Evaluations.Scored scored, TextAgreement agreement) {
    }
}
