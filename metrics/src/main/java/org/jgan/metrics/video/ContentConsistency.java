package org.jgan.metrics.video;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.DataException;
import org.jgan.core.data.clips.ClipSource;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.metrics.classifier.ClassifierShape;
import org.jgan.metrics.features.ClassifierFeatures;

/**
 * Whether a clip keeps its content while it moves, MoCoGAN's premise (Tulyakov et al. 2018: content fixed per clip,
 * motion varying): every frame is classified by an image classifier (for moving Fashion-MNIST, jgan's built-in
 * Fashion-MNIST one), on the crop of the classifier's input size centred on the frame's centre of mass
 * ({@link Motion#centres}), black where it reaches past the frame. A clip is consistent when all its
 * frames get the same class. Real clips score about 1: the garment is the same in every frame.
 *
 * @param source     the clips' name
 * @param clips      number of clips
 * @param consistent share of the clips whose frames all get the same class
 * @param agreement  mean over clips of the share of frames whose class is the clip's most frequent one
 * @param classMatch share of the labelled clips' frames whose class is the clip's own label (the class a conditional
 *                   model was asked for, the true class of a real clip); NaN for unlabelled clips. With
 *                   {@code consistent} it tells a model that keeps one garment per clip from one that keeps the
 *                   garment it was asked for
 */
public record ContentConsistency(String source, int clips, double consistent, double agreement, double classMatch) {
    /** Clips classified per batch (times their frames). */
    static final int BATCH = 32;

    /** The content consistency of every clip of {@code source} under {@code classifier}. */
    public static ContentConsistency of(ClipSource source, ClassifierFeatures classifier) {
        ClassifierShape s = classifier.shape();
        int t = source.frames();
        classifier.check(source.name() + " (crops of its frames)", source.channels(), s.height(), s.width());
        if (source.height() < s.height() || source.width() < s.width()) {
            throw new DataException(source.name() + ": frames of " + source.height() + "x" + source.width()
                    + " are smaller than the classifier's " + s.imageShape() + " input, so no crop fits");
        }
        int n = source.size();
        if (n < 1) {
            throw new DataException(source.name() + ": no clips to classify");
        }
        int consistent = 0;
        double agreement = 0;
        long matching = 0;
        long labelled = 0;
        byte[] clip = new byte[source.clipBytes()];
        for (int from = 0; from < n; from += BATCH) {
            int m = Math.min(BATCH, n - from);
            float[] crops = new float[m * t * source.channels() * s.height() * s.width()];
            for (int i = 0; i < m; i++) {
                source.render(from + i, clip, 0);
                double[] c = Motion.centres(clip, source.channels(), t, source.height(), source.width());
                for (int f = 0; f < t; f++) {
                    crop(clip, source, f, c[2 * f], c[2 * f + 1], s, crops, i * t + f);
                }
            }
            int[] cls = classify(classifier, crops, m * t, source.channels(), s);
            for (int i = 0; i < m; i++) {
                int top = topCount(cls, i * t, t, s.classes());
                consistent += top == t ? 1 : 0;
                agreement += (double) top / t;
                int label = source.label(from + i);
                if (label >= 0) {
                    labelled += t;
                    for (int f = 0; f < t; f++) {
                        matching += cls[i * t + f] == label ? 1 : 0;
                    }
                }
            }
        }
        return new ContentConsistency(source.name(), n, (double) consistent / n, agreement / n,
                labelled > 0 ? (double) matching / labelled : Double.NaN);
    }

    /**
     * Writes frame {@code f}'s crop around (cx, cy) as pixel values 0..255 into crop {@code k} of {@code out}: the
     * window of the classifier's size whose centre is nearest the centre of mass, black (0) where it reaches past the
     * frame. Why not moved inside the frame: a crop pushed off the centre of mass near an edge shows the garment a
     * pixel or two off where it sits in the other frames, and the classifier changed class on such shifts for every
     * real clip that was not consistent (docs/video-metrics.md).
     */
    static void crop(byte[] clip, ClipSource src, int f, double cx, double cy, ClassifierShape s, float[] out, int k) {
        int h = s.height();
        int w = s.width();
        int x0 = (int) Math.round(cx - (w - 1) / 2.0);
        int y0 = (int) Math.round(cy - (h - 1) / 2.0);
        int plane = src.height() * src.width();
        for (int c = 0; c < src.channels(); c++) {
            int from = (c * src.frames() + f) * plane;
            int to = (k * src.channels() + c) * h * w;
            for (int y = 0; y < h; y++) {
                int sy = y0 + y;
                for (int x = 0; x < w; x++) {
                    int sx = x0 + x;
                    boolean inside = sy >= 0 && sy < src.height() && sx >= 0 && sx < src.width();
                    out[to + y * w + x] = inside ? clip[from + sy * src.width() + sx] & 0xff : 0;
                }
            }
        }
    }

    /** The classifier's class for each of {@code count} crops. */
    private static int[] classify(ClassifierFeatures classifier, float[] crops, int count, int channels,
                                  ClassifierShape s) {
        try (StepScope scope = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
            Tensor px = Tensors.fromFloats(crops, count, channels, s.height(), s.width());
            long[] top = Tensors.toLongs(classifier.apply(px).probs().argmax(new org.bytedeco.pytorch.LongOptional(1),
                    false));
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = (int) top[i];
            }
            return out;
        }
    }

    /** How many of {@code cls[from .. from + t)} have the most frequent class. */
    private static int topCount(int[] cls, int from, int t, int classes) {
        int[] counts = new int[classes];
        int top = 0;
        for (int k = from; k < from + t; k++) {
            top = Math.max(top, ++counts[cls[k]]);
        }
        return top;
    }
}
