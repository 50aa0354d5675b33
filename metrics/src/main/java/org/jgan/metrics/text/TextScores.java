package org.jgan.metrics.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a text-to-image evaluation adds to the image metrics: agreement with the prompts by the captioning rule
 * ({@link TextAgreement}) and R-precision by a separately trained judge ({@link RPrecision}), for the generated
 * images, for the same images with their prompts shuffled (must fall to chance, 1%: the measure measures something)
 * and for real test images with their own captions (the ceiling the judge allows); and the diversity within a prompt:
 * per caption text, the generated images' mean pairwise feature distance over that of the real images with that
 * caption ({@code withinPrompt}, 1 = as varied; null when not measured), which one image per prompt would fail.
 */
public record TextScores(TextAgreement agreement, double rPrecision, double rPrecisionShuffled,
                         double rPrecisionReal, org.jgan.metrics.WithinClassDiversity withinPrompt) {
    /** These scores with R-precision {@code r} = {generated, shuffled, real}. */
    public TextScores withR(double[] r) {
        return new TextScores(agreement, r[0], r[1], r[2], withinPrompt);
    }

    /** The JSON object of metrics.jsonl's {@code text_agreement}; NaN becomes null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(agreement.toMap());
        m.put("r_precision", finite(rPrecision));
        m.put("r_precision_shuffled", finite(rPrecisionShuffled));
        m.put("r_precision_real", finite(rPrecisionReal));
        m.put("r_precision_candidates", RPrecision.CANDIDATES);
        m.put("within_prompt_diversity", withinPrompt == null ? null : finite(withinPrompt.mean()));
        m.put("within_prompt_captions_scored", withinPrompt == null ? null : withinPrompt.scored());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
