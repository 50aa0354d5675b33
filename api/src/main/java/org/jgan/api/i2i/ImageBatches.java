package org.jgan.api.i2i;

import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.Tensor;
import org.jgan.core.data.ImageFiles;
import org.jgan.core.image.ImageGrid;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;

/**
 * Runs a network over decoded images a chunk at a time, each chunk in its own native scope, so any number of images
 * takes the native memory of one chunk; results come back as bytes in plain Java memory.
 */
public final class ImageBatches {
    /** Images per chunk: large enough to keep libtorch busy, small enough for a 2 GB heap at 256 x 256 RGB. */
    public static final int CHUNK = 256;
    /** Input pixels per network call in {@link #map}: 256 Fashion-MNIST images. */
    private static final long PIXELS_PER_CHUNK = 256L * 1024;

    private ImageBatches() {
    }

    /** {@code d}'s images {@code from} .. {@code from + n} as a float tensor in [-1, 1], in the current scope. */
    public static Tensor tensor(ImageFiles.Decoded d, int from, int n) {
        int per = d.channels() * d.height() * d.width();
        float[] f = new float[n * per];
        for (int k = 0; k < f.length; k++) {
            f[k] = (d.pixels()[from * per + k] & 0xff) / 127.5f - 1f;
        }
        return Tensors.fromFloats(f, n, d.channels(), d.height(), d.width());
    }

    /**
     * {@code net} applied to every image of {@code in} (N x C x H x W in [-1, 1] to N x C' x H' x W'), as 8-bit images
     * with {@code in}'s file names.
     */
    public static ImageFiles.Decoded map(ImageFiles.Decoded in, UnaryOperator<Tensor> net) {
        byte[] out = null;
        long[] shape = null;
        // fewer large images at a time: the activations grow with the pixels (256 images of 28x28, 4 of 256x256)
        int chunk = (int) Math.max(1, Math.min(CHUNK, PIXELS_PER_CHUNK / ((long) in.height() * in.width())));
        for (int from = 0; from < in.size(); from += chunk) {
            int n = Math.min(chunk, in.size() - from);
            try (StepScope s = StepScope.open()) {
                Tensor y = net.apply(tensor(in, from, n));
                if (shape == null) {
                    shape = Tensors.shape(y);
                    out = new byte[(int) (in.size() * shape[1] * shape[2] * shape[3])];
                }
                byte[] b = ImageGrid.toBytes(y);
                System.arraycopy(b, 0, out, (int) (from * shape[1] * shape[2] * shape[3]), b.length);
            }
        }
        if (shape == null) {
            throw new IllegalArgumentException("no images to run the network over");
        }
        return new ImageFiles.Decoded(in.files(), (int) shape[1], (int) shape[2], (int) shape[3], out);
    }
}
