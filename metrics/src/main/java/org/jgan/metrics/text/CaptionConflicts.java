package org.jgan.metrics.text;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import org.jgan.core.data.DataException;
import org.jgan.core.data.captions.Caption;
import org.jgan.core.data.captions.CaptionAttribute;
import org.jgan.core.data.captions.CaptionedImages;

/**
 * Which captions of captioned Fashion-MNIST cannot both be true of one garment: they name another class, or another
 * level of an attribute both of them name. "a dark bag" and "a small bag" can both be true; "a dark bag" and "a light
 * bag" cannot, nor can "a dark bag" and "a dark sandal". R-precision's wrong candidates were random captions in
 * AttnGAN (Xu et al. 2018), where a bird's detailed caption is almost never true of another bird; these captions name
 * one or two attributes, so a random one is often just as true of the image and ties or wins. Drawing the wrong
 * candidates among conflicting captions only ({@link RPrecision#of(ImageTextMatcher, org.jgan.core.data.ImageDataset,
 * java.util.List, java.util.List, long, BiPredicate)}) restores what the measure means: the true caption must beat
 * captions that are false of the image.
 */
public final class CaptionConflicts implements BiPredicate<String, String> {
    /** Per caption text: its class, then per attribute its level or -1 when not named. */
    private final Map<String, int[]> content = new HashMap<>();

    /** The contents of {@code captions}' texts, which must come from measured attributes and classes. */
    public CaptionConflicts(CaptionedImages captions) {
        if (captions.levels() == null || !captions.images().labelled()) {
            throw new DataException(captions.images().name() + ": conflicting captions are known only for captions "
                    + "made from classes and measured attributes, which user captions are not");
        }
        CaptionAttribute[] attrs = CaptionAttribute.values();
        for (int i = 0; i < captions.size(); i++) {
            Caption c = captions.captions().get(i);
            int[] v = new int[attrs.length + 1];
            v[0] = captions.images().labels()[i];
            for (CaptionAttribute a : attrs) {
                v[a.ordinal() + 1] = c.mentions(a) ? captions.levels()[i][a.ordinal()] : -1;
            }
            int[] before = content.putIfAbsent(c.text(), v);
            if (before != null && !java.util.Arrays.equals(before, v)) {
                throw new DataException(captions.images().name() + ": the caption \"" + c.text() + "\" stands for "
                        + "two different contents (image " + (i + 1) + ")");
            }
        }
    }

    /** True when captions {@code a} and {@code b} cannot both be true of one image; both must be known texts. */
    @Override
    public boolean test(String a, String b) {
        int[] x = of(a);
        int[] y = of(b);
        if (x[0] != y[0]) {
            return true;
        }
        for (int k = 1; k < x.length; k++) {
            if (x[k] >= 0 && y[k] >= 0 && x[k] != y[k]) {
                return true;
            }
        }
        return false;
    }

    private int[] of(String text) {
        int[] v = content.get(text);
        if (v == null) {
            throw new DataException("the caption \"" + text + "\" is not one of the captions whose contents are known");
        }
        return v;
    }
}
