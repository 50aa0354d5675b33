package org.jgan.core.data.captions;

import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;

/**
 * Images with one caption each: the training data of a text-to-image GAN (Reed et al. 2016, "Generative Adversarial
 * Text to Image Synthesis"). For captions made from measured attributes ({@link CaptionedFashionMnist}) it also keeps
 * each image's attribute levels, the thresholds that cut them, and in each {@link Caption} which attributes the text
 * mentions, so that an evaluation can check a generated image against its caption. For a user's own captions
 * ({@link CaptionsFile}) only the text is known: {@code levels} and {@code thresholds} are null and no caption marks
 * an attribute as mentioned.
 *
 * @param images     the images, labelled when the captions came from classes
 * @param captions   one caption per image, in image order
 * @param levels     per image, its level of each {@link CaptionAttribute} ([n][3], by ordinal); null when unknown.
 *                   Not copied: treat it as read-only
 * @param thresholds the cut points the levels came from; null when unknown
 */
public record CaptionedImages(ImageDataset images, List<Caption> captions, int[][] levels,
                              CaptionThresholds thresholds) {
    public CaptionedImages {
        if (captions.size() != images.size()) {
            throw new DataException(images.name() + ": " + images.size() + " images but " + captions.size()
                    + " captions; each image needs one caption");
        }
        captions = List.copyOf(captions);
        if (levels != null) {
            if (levels.length != images.size()) {
                throw new DataException(images.name() + ": " + images.size() + " images but attribute levels for "
                        + levels.length);
            }
            for (int[] l : levels) {
                if (l.length != CaptionAttribute.values().length) {
                    throw new DataException(images.name() + ": attribute levels must have one entry per attribute "
                            + List.of(CaptionAttribute.values()) + ", got " + l.length);
                }
            }
        }
    }

    /** Captions of a user's own images: no attribute levels are known. */
    public static CaptionedImages ofTexts(ImageDataset images, List<String> texts) {
        return new CaptionedImages(images, texts.stream().map(t -> new Caption(t, 0)).toList(), null, null);
    }

    public int size() {
        return images.size();
    }

    /** The caption texts, in image order. */
    public List<String> texts() {
        return captions.stream().map(Caption::text).toList();
    }

    /**
     * Whether image {@code i} shows one of the {@link HeldOutCompositions held-out compositions} of its class: never
     * true of training data made by {@link CaptionedFashionMnist}, and about a ninth of the test split.
     */
    public boolean heldOut(int i) {
        if (levels == null || !images.labelled()) {
            throw new DataException(images.name() + ": held-out compositions need class labels and attribute levels, "
                    + "which user captions do not have");
        }
        return HeldOutCompositions.isHeldOut(images.labels()[i], levels[i]);
    }
}
