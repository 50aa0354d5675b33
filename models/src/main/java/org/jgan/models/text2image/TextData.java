package org.jgan.models.text2image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.DataException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.captions.CaptionAttribute;
import org.jgan.core.data.captions.CaptionThresholds;
import org.jgan.core.data.captions.CaptionedFashionMnist;
import org.jgan.core.data.captions.CaptionedImages;
import org.jgan.core.data.captions.Captioner;
import org.jgan.core.data.captions.CaptionsFile;
import org.jgan.core.data.captions.Tokenizer;

/**
 * Where text2image's images and captions come from: {@value #FASHION} (Fashion-MNIST captioned from its pixels,
 * {@link CaptionedFashionMnist}) or a folder of images with a {@value CaptionsFile#FILE_NAME}. The images are opened
 * first (the trainer may then keep a prefix of them, {@code data.limit}); the captions are then matched to the images
 * the trainer kept.
 */
final class TextData {
    /** The data name of captioned Fashion-MNIST. */
    static final String FASHION = "fashion-mnist-captions";
    /** Seed of the captions' phrasings: fixed, so the data set is the same whatever the run's seed. */
    static final long CAPTION_SEED = TextConditioning.FASHION_CAPTION_SEED;
    /** Prompts in the fixed view of a run on a user's captions: its first distinct captions. */
    static final int USER_PROMPTS = 10;

    private TextData() {
    }

    /** The training images named by {@code config.data().source()}. */
    static ImageDataset open(TrainConfig config) {
        String src = config.data().source();
        if (FASHION.equals(src) || (FASHION + ":train").equals(src)) {
            return CaptionedFashionMnist.open("train", null, CAPTION_SEED).images();
        }
        return CaptionsFile.open(captionedFolder(src)).images();
    }

    /** The captions of {@code data}, the images {@link #open} gave (or a prefix of them), as a condition. */
    static TextConditioning conditioning(TrainConfig config, ImageDataset data) {
        Text2ImageConfig cfg = Text2ImageConfig.of(config);
        String src = config.data().source();
        List<String> captions;
        List<String> prompts;
        CaptionThresholds thresholds = null;
        if (FASHION.equals(src) || (FASHION + ":train").equals(src)) {
            thresholds = CaptionThresholds.fit(DataSources.open("fashion-mnist:train"));
            captions = CaptionedFashionMnist.caption(data, thresholds, new Captioner(CAPTION_SEED), false).texts();
            prompts = fashionPrompts(data.classNames());
        } else {
            CaptionedImages all = CaptionsFile.open(captionedFolder(src));
            requirePrefix(all.images(), data);
            captions = all.texts().subList(0, data.size());
            prompts = new ArrayList<>(new LinkedHashSet<>(captions)).subList(0,
                    Math.min(USER_PROMPTS, new LinkedHashSet<>(captions).size()));
        }
        Tokenizer tok = Tokenizer.build(captions, cfg.maxWords(), cfg.vocabulary());
        return new TextConditioning(tok, captions, prompts, thresholds);
    }

    /**
     * One prompt per class naming every attribute, the levels turning over from row to row so the grid shows each
     * level of each attribute: "a dark small plain t-shirt", "a grey medium-sized shaded trouser", ...
     */
    static List<String> fashionPrompts(List<String> classNames) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            String words = CaptionAttribute.BRIGHTNESS.word(c % 3) + " " + CaptionAttribute.SIZE.word((c / 3) % 3)
                    + " " + CaptionAttribute.TEXTURE.word((c + c / 3) % 3) + " " + Captioner.noun(classNames.get(c));
            out.add(article(words) + " " + words);
        }
        return out;
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.toLowerCase(Locale.ROOT).charAt(0)) >= 0 ? "an" : "a";
    }

    private static Path captionedFolder(String src) {
        Path p = Path.of(src);
        if (!Files.isDirectory(p) || !Files.isRegularFile(p.resolve(CaptionsFile.FILE_NAME))) {
            throw new DataException(src + ": text2image trains on " + FASHION + " or on a folder of images with a "
                    + CaptionsFile.FILE_NAME + " (one line per image: FILE, a tab, its caption)");
        }
        return p;
    }

    /** Captions match images by position, so the kept images must be the first ones of the folder, in order. */
    private static void requirePrefix(ImageDataset all, ImageDataset kept) {
        int per = all.imageBytes();
        boolean prefix = kept.size() <= all.size() && kept.imageBytes() == per
                && Arrays.equals(all.pixels(), 0, kept.size() * per, kept.pixels(), 0, kept.size() * per);
        if (!prefix) {
            throw new DataException(all.name() + ": captions follow the images of the folder in order, so text2image "
                    + "can keep the first images (data.limit) but not a choice per class (data.perClass)");
        }
    }
}
