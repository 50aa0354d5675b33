package org.jgan.metrics.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.Batches;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * R-precision as AttnGAN reports it (Xu et al. 2018): for each image, its own prompt and {@value #CANDIDATES} - 1
 * captions drawn at random from a pool are ranked by an {@link ImageTextMatcher}; the score is the share of images
 * whose own prompt ranks first (R = 1). Drawn captions whose text equals the image's own prompt are drawn again: they
 * would be right answers. Chance is 1 / {@value #CANDIDATES}. A second form draws the wrong captions only among those
 * that cannot be true of the image ({@link CaptionConflicts}).
 */
public final class RPrecision {
    /** Captions ranked per image: the true one and 99 others. */
    public static final int CANDIDATES = 100;
    private static final int CHUNK = 500;

    private RPrecision() {
    }

    /**
     * @param images  the images, image i drawn for (or showing) {@code prompts.get(i)}
     * @param prompts one prompt per image
     * @param pool    the captions the wrong candidates come from; needs 2 or more distinct texts
     * @param seed    seeds the draws
     */
    public static double of(ImageTextMatcher m, ImageDataset images, List<String> prompts, List<String> pool,
                            long seed) {
        return of(m, images, prompts, pool, seed, null);
    }

    /**
     * R-precision whose wrong candidates are drawn only among the pool's captions that {@code wrong} says cannot be
     * true together with the image's own prompt (for example {@link CaptionConflicts}); with {@code wrong} null,
     * among all captions whose text differs, as {@link #of(ImageTextMatcher, ImageDataset, List, List, long)} does.
     */
    public static double of(ImageTextMatcher m, ImageDataset images, List<String> prompts, List<String> pool,
                            long seed, BiPredicate<String, String> wrong) {
        if (prompts.size() != images.size()) {
            throw new DataException(images.name() + ": R-precision needs one prompt per image, got " + prompts.size()
                    + " prompts for " + images.size() + " images");
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> texts = new java.util.ArrayList<>();
        for (String t : prompts) {
            index.computeIfAbsent(t, k -> { texts.add(k); return texts.size() - 1; });
        }
        int[] poolIds = new int[pool.size()];
        for (int i = 0; i < poolIds.length; i++) {
            poolIds[i] = index.computeIfAbsent(pool.get(i), k -> { texts.add(k); return texts.size() - 1; });
        }
        if (java.util.Arrays.stream(poolIds).distinct().count() < 2) {
            throw new DataException("R-precision needs a caption pool with 2 or more different captions");
        }
        // The candidates each prompt text draws from, once per distinct prompt: all the pool, or its conflicting part.
        Map<Integer, int[]> candidates = new HashMap<>();
        for (String t : prompts) {
            candidates.computeIfAbsent(index.get(t), own -> {
                if (wrong == null) {
                    return poolIds;
                }
                int[] c = java.util.Arrays.stream(poolIds).filter(p -> wrong.test(t, texts.get(p))).toArray();
                if (c.length == 0) {
                    throw new DataException("R-precision: no caption of the pool can be wrong for the prompt \"" + t
                            + "\"");
                }
                return c;
            });
        }
        float[][] textEmb = embedTexts(m, texts);
        float[][] imageEmb = embedImages(m, images);
        SplittableRandom rng = new SplittableRandom(seed);
        int hits = 0;
        for (int i = 0; i < imageEmb.length; i++) {
            int own = index.get(prompts.get(i));
            int[] from = candidates.get(own);
            double best = dot(imageEmb[i], textEmb[own]);
            boolean first = true;
            for (int c = 1; c < CANDIDATES; c++) {
                int other;
                do {
                    other = from[rng.nextInt(from.length)];
                } while (other == own);
                if (dot(imageEmb[i], textEmb[other]) >= best) {
                    first = false;  // a tie is not a first place
                }
            }
            hits += first ? 1 : 0;
        }
        return (double) hits / imageEmb.length;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static float[][] embedTexts(ImageTextMatcher m, List<String> texts) {
        int[][] ids = m.tokenizer().encodeAll(texts);
        float[][] out = new float[ids.length][];
        for (int from = 0; from < ids.length; from += CHUNK) {
            int n = Math.min(CHUNK, ids.length - from);
            int[] idx = java.util.stream.IntStream.range(from, from + n).toArray();
            try (StepScope s = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
                split(Tensors.toFloats(m.texts(Tensors.fromRows(ids, idx))), out, from, n);
            }
        }
        return out;
    }

    private static float[][] embedImages(ImageTextMatcher m, ImageDataset images) {
        float[][] out = new float[images.size()][];
        for (int from = 0; from < images.size(); from += CHUNK) {
            int n = Math.min(CHUNK, images.size() - from);
            int[] idx = java.util.stream.IntStream.range(from, from + n).toArray();
            try (StepScope s = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
                split(Tensors.toFloats(m.images(Batches.images(images, idx))), out, from, n);
            }
        }
        return out;
    }

    private static void split(float[] flat, float[][] out, int from, int n) {
        int d = flat.length / n;
        for (int i = 0; i < n; i++) {
            out[from + i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
    }
}
