package org.jgan.metrics.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.AtomicFiles;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.PrecisionRecall;
import org.jgan.metrics.features.FeatureExtractor;
import org.jgan.metrics.features.FeatureRunner;
import org.jgan.metrics.npz.NpyArray;
import org.jgan.metrics.npz.Npz;
import org.jgan.metrics.source.DatasetSource;

/**
 * Features of real data sets, computed once and kept on disk (as float32 .npz: {@code features}, {@code probs}):
 * the reference of every evaluation is the same few thousand images, and the real-data floor needs the train split
 * too. The key is the extractor's weight hash, the data set's content fingerprint and the image count, so a changed
 * classifier or data set is never served stale features. The folder is {@link org.jgan.engine.CacheDir}.
 */
public final class FeatureCache {
    private final Path dir;

    public FeatureCache(Path dir) {
        this.dir = dir;
    }

    public static FeatureCache defaultCache() {
        return new FeatureCache(org.jgan.engine.CacheDir.path());
    }

    public Path dir() {
        return dir;
    }

    /** Features of the first {@code limit} images of {@code data} (all when {@code limit} is 0 or larger). */
    public FeatureSet features(FeatureExtractor fx, ImageDataset data, int limit) throws IOException {
        DatasetSource src = new DatasetSource(data, limit > 0 ? limit : data.size());
        Path file = dir.resolve("features-" + fx.fingerprint() + "-" + data.fingerprint() + "-" + src.count()
                + ".npz");
        if (Files.isRegularFile(file)) {
            try {
                return read(file, src.name(), fx.name());
            } catch (RuntimeException e) {
                Files.deleteIfExists(file); // a torn or foreign file: recompute
            }
        }
        FeatureSet f = FeatureRunner.extract(fx, src);
        Map<String, NpyArray> a = new LinkedHashMap<>();
        a.put("features", new NpyArray(new long[]{f.count(), f.dim()}, toDoubles(f.features())));
        if (f.hasProbs()) {
            a.put("probs", new NpyArray(new long[]{f.count(), f.classes()}, toDoubles(f.probs())));
        }
        Npz.write(file, a, true);
        return f;
    }

    /**
     * The reference made of all images of {@code data}: features from the cache, and the k-NN radii of
     * precision/recall, which are cached too (a few seconds each time otherwise).
     */
    public Reference reference(FeatureExtractor fx, ImageDataset data) throws IOException {
        FeatureSet f = features(fx, data, 0);
        Path file = dir.resolve("radii-" + fx.fingerprint() + "-" + data.fingerprint() + "-" + f.count() + "-k"
                + PrecisionRecall.K + ".npz");
        if (Files.isRegularFile(file)) {
            try {
                return Reference.of(f, toFloats(Npz.read(file).get("radii").data()));
            } catch (RuntimeException e) {
                Files.deleteIfExists(file); // a torn or foreign file: recompute
            }
        }
        Reference r = Reference.of(f);
        Npz.write(file, Map.of("radii", NpyArray.vector(toDoubles(r.radii()))), true);
        return r;
    }

    /** A small JSON value cached under {@code key} (e.g. the real-data floor), or null. */
    public String readValue(String key) throws IOException {
        Path f = dir.resolve(key + ".json");
        return Files.isRegularFile(f) ? Files.readString(f) : null;
    }

    public void writeValue(String key, String json) throws IOException {
        AtomicFiles.writeString(dir.resolve(key + ".json"), json);
    }

    private static FeatureSet read(Path file, String source, String extractor) throws IOException {
        Map<String, NpyArray> a = Npz.read(file);
        NpyArray f = a.get("features");
        NpyArray p = a.get("probs");
        int n = (int) f.shape()[0];
        return new FeatureSet(source, extractor, n, (int) f.shape()[1], toFloats(f.data()),
                p == null ? 0 : (int) p.shape()[1], p == null ? null : toFloats(p.data()));
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
