package org.jgan.core.data.captions;

import java.util.ArrayList;
import java.util.List;

/**
 * One caption and which {@link CaptionAttribute}s it mentions. Reed et al. 2016 ("Generative Adversarial Text to
 * Image Synthesis") train on captions that describe only some of what is visible; an evaluation of text-to-image
 * samples therefore scores only the attributes the caption asked for.
 *
 * @param text      the caption
 * @param mentioned bit {@link CaptionAttribute#bit()} set for each attribute the text names; 0 when unknown (a
 *                  user's own caption)
 */
public record Caption(String text, int mentioned) {
    public Caption {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a caption must not be empty");
        }
        if (mentioned < 0 || mentioned >= 1 << CaptionAttribute.values().length) {
            throw new IllegalArgumentException("mentioned-attribute mask " + mentioned + " is not a subset of "
                    + List.of(CaptionAttribute.values()));
        }
    }

    public boolean mentions(CaptionAttribute a) {
        return (mentioned & a.bit()) != 0;
    }

    /** The mentioned attributes in {@link CaptionAttribute} order. */
    public List<CaptionAttribute> attributes() {
        List<CaptionAttribute> out = new ArrayList<>();
        for (CaptionAttribute a : CaptionAttribute.values()) {
            if (mentions(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
