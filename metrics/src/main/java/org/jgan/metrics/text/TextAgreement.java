package org.jgan.metrics.text;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.captions.Caption;
import org.jgan.core.data.captions.CaptionAttribute;
import org.jgan.core.data.captions.CaptionAttributes;
import org.jgan.core.data.captions.CaptionThresholds;
import org.jgan.core.data.captions.CaptionedImages;
import org.jgan.core.data.captions.HeldOutCompositions;

/**
 * How far generated images agree with the prompts they were drawn for, judged by the rule that made the captions
 * (the text side of a text-to-image evaluation; Reed et al. 2016 judged by eye, later work by R-precision): each
 * attribute a prompt mentions is re-measured on the generated image ({@link CaptionAttributes}) and cut into levels
 * with the prompt's class thresholds; it agrees when the level is the one the prompt names. Chance is 1/3 per
 * attribute. Prompts of {@link HeldOutCompositions held-out compositions} are also scored apart.
 *
 * @param images          generated images scored
 * @param perAttribute    per attribute (by ordinal), the share of images whose prompt mentions it that show the
 *                        named level; NaN when no prompt mentions it
 * @param overall         the share of all (image, mentioned attribute) pairs that agree
 * @param allMentioned    the share of images on which every mentioned attribute agrees
 * @param heldOutImages   images drawn for prompts of held-out compositions
 * @param heldOut         {@code overall} on those images; NaN when there are none
 * @param confusion       per attribute (by ordinal), {@code confusion[a][named][measured]}: how many images whose
 *                        prompt names level {@code named} measure at level {@code measured}; where the misses go (on
 *                        a tertile rule they gather at the middle level, whose band is narrowest to hit)
 */
public record TextAgreement(int images, double[] perAttribute, double overall, double allMentioned,
                            int heldOutImages, double heldOut, long[][][] confusion) {
    /**
     * Scores {@code generated} (grayscale, image i drawn for prompt {@code i % prompts.size()}) against the captions,
     * levels and classes of {@code prompts}, which must come from measured attributes (captioned Fashion-MNIST).
     */
    public static TextAgreement of(ImageDataset generated, CaptionedImages prompts) {
        CaptionThresholds t = prompts.thresholds();
        if (t == null || prompts.levels() == null || !prompts.images().labelled()) {
            throw new DataException(prompts.images().name() + ": agreement is measured by the rule that made the "
                    + "captions, which user captions do not have");
        }
        int attrs = CaptionAttribute.values().length;
        long[] hit = new long[attrs];
        long[] asked = new long[attrs];
        long[][][] confusion = new long[attrs][CaptionAttribute.LEVELS][CaptionAttribute.LEVELS];
        long pairs = 0;
        long agreed = 0;
        long allRight = 0;
        long heldPairs = 0;
        long heldAgreed = 0;
        int held = 0;
        for (int i = 0; i < generated.size(); i++) {
            int p = i % prompts.size();
            int cls = prompts.images().labels()[p];
            Caption c = prompts.captions().get(p);
            int[] want = prompts.levels()[p];
            int[] got = t.levels(cls, CaptionAttributes.measure(generated, i));
            boolean heldOut = HeldOutCompositions.isHeldOut(cls, want);
            held += heldOut ? 1 : 0;
            boolean all = true;
            for (CaptionAttribute a : CaptionAttribute.values()) {
                if (!c.mentions(a)) {
                    continue;
                }
                boolean ok = got[a.ordinal()] == want[a.ordinal()];
                confusion[a.ordinal()][want[a.ordinal()]][got[a.ordinal()]]++;
                asked[a.ordinal()]++;
                pairs++;
                if (ok) {
                    hit[a.ordinal()]++;
                    agreed++;
                }
                all &= ok;
                if (heldOut) {
                    heldPairs++;
                    heldAgreed += ok ? 1 : 0;
                }
            }
            allRight += all ? 1 : 0;
        }
        double[] per = new double[attrs];
        for (int a = 0; a < attrs; a++) {
            per[a] = asked[a] == 0 ? Double.NaN : (double) hit[a] / asked[a];
        }
        return new TextAgreement(generated.size(), per, pairs == 0 ? Double.NaN : (double) agreed / pairs,
                (double) allRight / Math.max(1, generated.size()), held,
                heldPairs == 0 ? Double.NaN : (double) heldAgreed / heldPairs, confusion);
    }

    /** The JSON object of metrics.jsonl's {@code text_agreement}; NaN becomes null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", images);
        for (CaptionAttribute a : CaptionAttribute.values()) {
            m.put(a.key(), finite(perAttribute[a.ordinal()]));
        }
        m.put("overall", finite(overall));
        m.put("all_mentioned", finite(allMentioned));
        m.put("held_out_images", heldOutImages);
        m.put("held_out", finite(heldOut));
        Map<String, Object> conf = new LinkedHashMap<>();
        for (CaptionAttribute a : CaptionAttribute.values()) {
            conf.put(a.key(), confusion[a.ordinal()]);
        }
        m.put("confusion", conf);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
