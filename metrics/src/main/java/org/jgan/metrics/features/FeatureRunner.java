package org.jgan.metrics.features;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.source.ImageSource;

/**
 * Runs a feature extractor over an image source in batches, each inside its own native scope and without autograd,
 * so memory stays flat however many images pass through.
 */
public final class FeatureRunner {
    private FeatureRunner() {
    }

    public static FeatureSet extract(FeatureExtractor fx, ImageSource src) {
        fx.check(src.name(), src.channels(), src.height(), src.width());
        int n = src.count();
        if (n < 1) {
            throw new org.jgan.core.data.DataException(src.name() + ": no images to evaluate");
        }
        float[] features = null;
        float[] probs = null;
        int dim = 0;
        int classes = 0;
        int batch = fx.batchSize();
        for (int from = 0; from < n; from += batch) {
            int m = Math.min(batch, n - from);
            byte[] bytes = src.next(m);
            try (StepScope scope = StepScope.open(); NoGradGuard g = new NoGradGuard()) {
                FeatureExtractor.Output out = fx.apply(pixels(bytes, m, src));
                float[] f = Tensors.toFloats(out.features());
                if (features == null) {
                    dim = f.length / m;
                    features = new float[n * dim];
                    classes = out.probs() == null ? 0 : (int) out.probs().size(1);
                    probs = classes > 0 ? new float[n * classes] : null;
                }
                System.arraycopy(f, 0, features, from * dim, f.length);
                if (probs != null) {
                    float[] p = Tensors.toFloats(out.probs());
                    System.arraycopy(p, 0, probs, from * classes, p.length);
                }
            }
        }
        return new FeatureSet(src.name(), fx.name(), n, dim, features, classes, probs);
    }

    /** Unsigned bytes as float32 pixel values in [0, 255], N x C x H x W. */
    static Tensor pixels(byte[] bytes, int n, ImageSource src) {
        float[] f = new float[bytes.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = bytes[i] & 0xff;
        }
        return Tensors.fromFloats(f, n, src.channels(), src.height(), src.width());
    }
}
