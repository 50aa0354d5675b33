package org.jgan.metrics;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.metrics.npz.NpyArray;
import org.jgan.metrics.npz.Npz;

/** Test helpers: the fixture files under src/test/resources/fixtures, and synthetic feature sets. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    public static Map<String, NpyArray> npz(String name) throws IOException {
        return Npz.read(path(name));
    }

    public static double scalar(Map<String, NpyArray> a, String key) {
        return a.get(key).data()[0];
    }

    /** An activation matrix of the fixtures as a feature set. */
    public static FeatureSet features(NpyArray act, String name) {
        int n = (int) act.shape()[0];
        int d = (int) act.shape()[1];
        float[] f = new float[n * d];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) act.data()[i];
        }
        return new FeatureSet(name, "test", n, d, f, 0, null);
    }

    /** {@code n} samples of N(mean, diag(std^2)) in {@code d} dimensions. */
    public static FeatureSet gaussian(int n, int d, double mean, double std, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] f = new float[n * d];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (mean + std * normal(r));
        }
        return new FeatureSet("gaussian(" + mean + ", " + std + ")", "test", n, d, f, 0, null);
    }

    static double normal(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
