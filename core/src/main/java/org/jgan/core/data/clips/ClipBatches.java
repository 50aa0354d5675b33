package org.jgan.core.data.clips;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.image.ImageGrid;
import org.jgan.engine.Tensors;

/** Clips to tensors and back: N x C x T x H x W floats in [-1, 1], the layout video networks take and give. */
public final class ClipBatches {
    private ClipBatches() {
    }

    /** Clips {@code idx} of {@code source} as one float tensor in the caller's scope. */
    public static Tensor clips(ClipSource source, int[] idx) {
        int per = source.clipBytes();
        byte[] px = new byte[per];
        float[] out = new float[idx.length * per];
        for (int i = 0; i < idx.length; i++) {
            source.render(idx[i], px, 0);
            int dst = i * per;
            for (int k = 0; k < per; k++) {
                out[dst + k] = (px[k] & 0xff) / 127.5f - 1f;
            }
        }
        return Tensors.fromFloats(out, idx.length, source.channels(), source.frames(), source.height(),
                source.width());
    }

    /** Labels of clips {@code idx} as int64, or null when the clips are unlabelled. */
    public static Tensor labels(ClipSource source, int[] idx) {
        if (!source.labelled()) {
            return null;
        }
        long[] out = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = source.label(idx[i]);
        }
        return Tensors.fromLongs(out, idx.length);
    }

    /**
     * A generated N x C x T x H x W tensor in [-1, 1] as {@link Clips} (bytes, clamped and rounded), with the class of
     * each clip when {@code labels} is not null.
     */
    public static Clips toClips(Tensor clips, String name, int[] labels, List<String> classNames) {
        long[] s = Tensors.shape(clips);
        if (s.length != 5) {
            throw new IllegalArgumentException("clips are N x C x T x H x W, got " + s.length + " dimensions");
        }
        byte[] px = ImageGrid.toBytes(clips.contiguous());
        return new Clips(name, (int) s[1], (int) s[2], (int) s[3], (int) s[4], px, labels,
                labels == null ? List.of() : classNames, null, 0);
    }
}
