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
 * R-precision comes twice: with random captions as the wrong candidates (AttnGAN's protocol) and with conflicting
 * captions only ({@link CaptionConflicts}: captions that cannot be true of the image), each for generated, shuffled
 * and real.
 */
public record TextScores(TextAgreement agreement, double rPrecision, double rPrecisionShuffled,
                         double rPrecisionReal, double rConflicting, double rConflictingShuffled,
                         double rConflictingReal, org.jgan.metrics.WithinClassDiversity withinPrompt) {
    /** Agreement and diversity, R-precision not yet measured (NaN). */
    public TextScores(TextAgreement agreement, org.jgan.metrics.WithinClassDiversity withinPrompt) {
        this(agreement, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, withinPrompt);
    }

    /**
     * These scores with R-precision {@code r} = {generated, shuffled, real} against random captions, then the same
     * three against conflicting captions.
     */
    public TextScores withR(double[] r) {
        if (r.length != 6) {
            throw new IllegalArgumentException("R-precision comes as 6 numbers, got " + r.length);
        }
        return new TextScores(agreement, r[0], r[1], r[2], r[3], r[4], r[5], withinPrompt);
    }

    /** The JSON object of metrics.jsonl's {@code text_agreement}; NaN becomes null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(agreement.toMap());
        m.put("r_precision", finite(rPrecision));
        m.put("r_precision_shuffled", finite(rPrecisionShuffled));
        m.put("r_precision_real", finite(rPrecisionReal));
        m.put("r_precision_conflicting", finite(rConflicting));
        m.put("r_precision_conflicting_shuffled", finite(rConflictingShuffled));
        m.put("r_precision_conflicting_real", finite(rConflictingReal));
        m.put("r_precision_candidates", RPrecision.CANDIDATES);
        m.put("within_prompt_diversity", withinPrompt == null ? null : finite(withinPrompt.mean()));
        m.put("within_prompt_captions_scored", withinPrompt == null ? null : withinPrompt.scored());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
