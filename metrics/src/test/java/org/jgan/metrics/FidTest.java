package org.jgan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.jgan.core.data.DataException;
import org.jgan.engine.Torch;
import org.jgan.metrics.npz.NpyArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FidTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static FidStats stats(double[] mu, double[] sigma) {
        return new FidStats("test", 0, mu, sigma);
    }

    static double[] diag(double... v) {
        double[] m = new double[v.length * v.length];
        for (int i = 0; i < v.length; i++) {
            m[i * v.length + i] = v[i];
        }
        return m;
    }

    @Test
    void equalCovariancesGiveSquaredMeanDistance() {
        // tr(S) + tr(S) - 2 tr(sqrtm(S S)) = 0 for any covariance S: only ||mu1 - mu2||^2 remains.
        double[] s = {2.0, 0.3, -0.1, 0.3, 1.0, 0.2, -0.1, 0.2, 0.5};
        double fid = Fid.distance(stats(new double[]{1, 2, 3}, s), stats(new double[]{0, 4, 3.5}, s));
        assertEquals(1 + 4 + 0.25, fid, 1e-10);
    }

    @Test
    void diagonalCovariancesHaveClosedForm() {
        // For diagonal S1, S2: sum (sqrt(a_i) - sqrt(b_i))^2.
        double fid = Fid.distance(stats(new double[]{0, 0}, diag(4, 9)), stats(new double[]{1, 0}, diag(1, 16)));
        assertEquals(1 + (2 - 1) * (2 - 1) + (3 - 4) * (3 - 4), fid, 1e-10);
    }

    @Test
    void symmetricAndZeroOnItself() {
        FidStats a = FidStats.of(Fixtures.gaussian(500, 16, 0, 1, 1));
        FidStats b = FidStats.of(Fixtures.gaussian(500, 16, 0.3, 1.5, 2));
        assertEquals(Fid.distance(a, b), Fid.distance(b, a), 1e-9 * Fid.distance(a, b));
        assertEquals(0, Fid.distance(a, a), 1e-9);
        assertTrue(Fid.distance(a, a) >= 0, "rounding must not make a distance negative");
        assertTrue(Fid.distance(a, b) > 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "d128", "illcond", "close"})
    void matchesScipyReference(String name) throws IOException {
        Map<String, NpyArray> v = Fixtures.npz("fid-" + name + ".npz");
        FidStats a = stats(v.get("mu1").data(), v.get("sigma1").data());
        FidStats b = stats(v.get("mu2").data(), v.get("sigma2").data());
        double expected = Fixtures.scalar(v, "fid");
        assertEquals(expected, Fid.distance(a, b), 1e-6 * Math.abs(expected), name);
        // The trace term against scipy's sqrtm, and against 30-digit arithmetic (mpmath): on the ill-conditioned
        // case scipy is off by 2e-9 relative, the eigenvalue route by 4e-11.
        double trace = Fid.traceSqrtProduct(a.sigma(), b.sigma(), a.dim(), name);
        assertEquals(Fixtures.scalar(v, "trace_sqrt"), trace, 1e-7 * trace);
        assertEquals(Fixtures.scalar(v, "trace_sqrt_exact"), trace, 1e-10 * trace);
        if (v.containsKey("act1")) {
            // Statistics from activations match np.mean / np.cov(rowvar=False).
            FidStats s1 = FidStats.of(Fixtures.features(v.get("act1"), name));
            assertArrayClose(v.get("mu1").data(), s1.mu(), 1e-6);
            assertArrayClose(v.get("sigma1").data(), s1.sigma(), 1e-6);
        }
    }

    static void assertArrayClose(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            // The activations were float64 in numpy and float32 here: compare at float32 precision.
            assertEquals(expected[i], actual[i], tol * scale, "element " + i);
        }
    }

    @Test
    void refusesTooFewSamplesAndSaysHowMany() {
        DataException e = assertThrows(DataException.class, () -> FidStats.of(Fixtures.gaussian(100, 128, 0, 1, 3)));
        assertTrue(e.getMessage().contains("singular") && e.getMessage().contains("at least 129"), e.getMessage());
    }

    @Test
    void warnsBelowTenThousandSamples() {
        assertTrue(FidStats.sampleWarning("x", 5000).orElseThrow().contains("biased"));
        assertTrue(FidStats.sampleWarning("x", 10000).isEmpty());
    }

    @Test
    void refusesNaNFeaturesNamingTheInput() {
        float[] f = new float[40];
        f[17] = Float.NaN;
        DataException e = assertThrows(DataException.class,
                () -> new FeatureSet("samples.idx", "test", 10, 4, f, 0, null));
        assertTrue(e.getMessage().startsWith("samples.idx") && e.getMessage().contains("image 4"), e.getMessage());
    }

    @Test
    void refusesMismatchedDimensions() {
        DataException e = assertThrows(DataException.class,
                () -> Fid.distance(stats(new double[2], diag(1, 1)), stats(new double[3], diag(1, 1, 1))));
        assertTrue(e.getMessage().contains("2-d") && e.getMessage().contains("3-d"), e.getMessage());
    }

    @Test
    void refusesMatricesThatAreNotCovariances() {
        // A "covariance" with a large negative eigenvalue: its square root is far from real.
        DataException e = assertThrows(DataException.class,
                () -> Fid.distance(stats(new double[2], diag(-4, 1)), stats(new double[2], diag(1, 1))));
        assertTrue(e.getMessage().contains("imaginary"), e.getMessage());
        assertThrows(DataException.class, () -> stats(new double[2], new double[]{1, 0.5, 0.1, 1}));
    }
}
