package org.jgan.core.data.captions;

import java.util.ArrayList;
import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;

/**
 * Fashion-MNIST with captions made from each image's class and measured attributes, for text-to-image GANs, which
 * learn from images paired with descriptions (Reed et al. 2016, "Generative Adversarial Text to Image Synthesis").
 *
 * <p>The train split fits the per-class {@link CaptionThresholds} (unless given saved ones) and leaves out every
 * image of a {@link HeldOutCompositions held-out composition}, so the generator never sees, say, a large dark
 * pullover, while it sees large pullovers and dark pullovers. The test split takes the thresholds of the train split
 * and keeps every image; {@link CaptionedImages#heldOut} tells which ones show a held-out composition. The caption of
 * an image depends only on the seed and the image's index in its split, not on which other images were left out.
 */
public final class CaptionedFashionMnist {
    private CaptionedFashionMnist() {
    }

    /**
     * The captioned {@code split} ("train" or "test") of the installed Fashion-MNIST.
     *
     * @param thresholds cut points fit on the train split; may be null for "train", which then fits them
     * @param seed       seed of the {@link Captioner}
     */
    public static CaptionedImages open(String split, CaptionThresholds thresholds, long seed) {
        boolean train = "train".equals(split);
        if (!train && !"test".equals(split)) {
            throw new DataException("captioned Fashion-MNIST has the splits train and test, not '" + split + "'");
        }
        if (!train && thresholds == null) {
            throw new DataException("captions for fashion-mnist:test need the caption thresholds fit on the train "
                    + "split, so the same pixels get the same words; none were given");
        }
        ImageDataset ds = DataSources.open("fashion-mnist:" + split);
        CaptionThresholds t = thresholds != null ? thresholds : CaptionThresholds.fit(ds);
        return caption(ds, t, new Captioner(seed), train);
    }

    /**
     * Captions a labelled grayscale data set whose class names are the garments' names.
     *
     * @param dropHeldOut leave out the images of held-out compositions (training data)
     */
    public static CaptionedImages caption(ImageDataset ds, CaptionThresholds thresholds, Captioner captioner,
                                          boolean dropHeldOut) {
        int[][] levels = thresholds.levelsOf(ds);
        List<Integer> keep = new ArrayList<>();
        List<Caption> captions = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            int cls = ds.labels()[i];
            if (dropHeldOut && HeldOutCompositions.isHeldOut(cls, levels[i])) {
                continue;
            }
            keep.add(i);
            captions.add(captioner.caption(ds.classNames().get(cls), levels[i], i));
        }
        if (keep.isEmpty()) {
            throw new DataException(ds.name() + ": every image is of a held-out composition; nothing is left to train "
                    + "on");
        }
        if (keep.size() == ds.size()) {
            return new CaptionedImages(ds, captions, levels, thresholds);
        }
        int[] idx = keep.stream().mapToInt(Integer::intValue).toArray();
        int[][] kept = new int[idx.length][];
        for (int j = 0; j < idx.length; j++) {
            kept[j] = levels[idx[j]];
        }
        return new CaptionedImages(ds.select(idx, ds.name() + " without held-out compositions"), captions, kept,
                thresholds);
    }
}
