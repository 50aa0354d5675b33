package org.jgan.metrics.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a text-to-image evaluation adds to the image metrics: agreement with the prompts by the captioning rule
 * ({@link TextAgreement}) and R-precision by a separately trained judge ({@link RPrecision}), for the generated
 * images, for the same images with their prompts shuffled (must fall to chance, 1%: the measure measures something)
 * and for real test images with their own captions (the ceiling the judge allows).
 */
public record TextScores(TextAgreement agreement, double rPrecision, double rPrecisionShuffled,
                         double rPrecisionReal) {
    /** These scores with R-precision {@code r} = {generated, shuffled, real}. */
    public TextScores withR(double[] r) {
        return new TextScores(agreement, r[0], r[1], r[2]);
    }

    /** The JSON object of metrics.jsonl's {@code text_agreement}; NaN becomes null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(agreement.toMap());
        m.put("r_precision", finite(rPrecision));
        m.put("r_precision_shuffled", finite(rPrecisionShuffled));
        m.put("r_precision_real", finite(rPrecisionReal));
        m.put("r_precision_candidates", RPrecision.CANDIDATES);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
