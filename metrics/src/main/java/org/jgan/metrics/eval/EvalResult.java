package org.jgan.metrics.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgan.metrics.ClassCoverage;
import org.jgan.metrics.InceptionScore;
import org.jgan.metrics.Kid;
import org.jgan.metrics.PrecisionRecall;

/**
 * One evaluation of generated samples against a reference: FID (Heusel et al. 2017), KID (Binkowski et al. 2018),
 * Inception-style score (Salimans et al. 2016), improved precision and recall (Kynkaanniemi et al. 2019) and class
 * coverage. {@code is} and {@code coverage} are null when the feature extractor has no classifier head.
 */
public record EvalResult(double fid, Kid.Result kid, InceptionScore.Result is, PrecisionRecall.Result pr,
                         ClassCoverage coverage, int samples, String features, String reference,
                         int referenceSamples, double seconds) {
    /** The JSON object written to metrics.jsonl and printed by {@code jgan eval}, in a stable key order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fid", fid);
        m.put("kid", kid.mean());
        m.put("kid_std", kid.std());
        m.put("is", is == null ? null : is.mean());
        m.put("is_std", is == null ? null : is.std());
        m.put("precision", pr.precision());
        m.put("recall", pr.recall());
        if (coverage != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("covered", coverage.covered());
            c.put("classes", coverage.classes());
            c.put("entropy", coverage.entropy());
            c.put("histogram", coverage.histogram());
            m.put("coverage", c);
        } else {
            m.put("coverage", null);
        }
        m.put("samples", samples);
        m.put("features", features);
        m.put("reference", reference);
        m.put("reference_samples", referenceSamples);
        m.put("seconds", Math.round(seconds * 100) / 100.0);
        return m;
    }
}
