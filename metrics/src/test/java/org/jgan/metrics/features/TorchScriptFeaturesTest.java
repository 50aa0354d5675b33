package org.jgan.metrics.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataException;
import org.jgan.core.data.ImageDataset;
import org.jgan.engine.Torch;
import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.Fixtures;
import org.jgan.metrics.npz.NpyArray;
import org.jgan.metrics.source.DatasetSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The TorchScript loading path, with small modules that make_torchscript_fixtures.py wrote with torch.jit. */
class TorchScriptFeaturesTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static ImageDataset images(NpyArray a, String name) {
        long[] s = a.shape();
        byte[] px = new byte[a.data().length];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) a.data()[i];
        }
        return new ImageDataset(name, (int) s[1], (int) s[2], (int) s[3], px, null, List.of());
    }

    static void assertClose(double[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i], actual[i], tol * (1 + Math.abs(expected[i])), "value " + i);
        }
    }

    @Test
    void inceptionResizesLikeCleanFidAndAsksForFeatures() throws Exception {
        Map<String, NpyArray> v = Fixtures.npz("inception-expected.npz");
        try (FeatureExtractor fx = Extractors.open("inception:" + Fixtures.path("tiny-inception.pt"))) {
            assertEquals(16, fx.dim());
            FeatureSet f = FeatureRunner.extract(fx, new DatasetSource(images(v.get("images"), "rgb")));
            // forward(img, return_features=True) gave the 16 features, not the 5 "logits".
            assertEquals(16, f.dim());
            assertNull(f.probs());
            assertClose(v.get("features").data(), f.features(), 1e-4);
        }
    }

    @Test
    void torchScriptClassifiersWithAndWithoutFeatures() throws Exception {
        Map<String, NpyArray> v = Fixtures.npz("classifier-expected.npz");
        ImageDataset gray = images(v.get("images"), "gray");
        try (FeatureExtractor fx = Extractors.open("classifier:" + Fixtures.path("tiny-classifier-tuple.pt"))) {
            FeatureSet f = FeatureRunner.extract(fx, new DatasetSource(gray));
            assertEquals(8, f.dim());
            assertClose(v.get("tuple_features").data(), f.features(), 1e-5);
            assertClose(v.get("tuple_probs").data(), f.probs(), 1e-5);
        }
        try (FeatureExtractor fx = Extractors.open("classifier:" + Fixtures.path("tiny-classifier-logits.pt"))) {
            FeatureSet f = FeatureRunner.extract(fx, new DatasetSource(gray));
            assertEquals(3, f.dim());
            assertClose(v.get("logits_features").data(), f.features(), 1e-5);
            assertClose(v.get("logits_probs").data(), f.probs(), 1e-5);
        }
    }

    @Test
    void wrongImagesAndFilesGiveClearErrors() throws Exception {
        ImageDataset rgb = new ImageDataset("rgb-data", 3, 28, 28, new byte[3 * 28 * 28 * 2], null, List.of());
        try (FeatureExtractor fx = Extractors.open("classifier:" + Fixtures.path("tiny-classifier-tuple.pt"))) {
            DataException e = assertThrows(DataException.class,
                    () -> FeatureRunner.extract(fx, new DatasetSource(rgb)));
            assertTrue(e.getMessage().contains("3x28x28"), e.getMessage());
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> Extractors.open("inception:" + Fixtures.path("fid-small.npz")));
        assertTrue(e.getMessage().contains("fid-small.npz") && e.getMessage().contains("TorchScript"),
                e.getMessage());
        assertThrows(ConfigException.class, () -> Extractors.open("inception:/no/such/file.pt"));
        assertThrows(ConfigException.class, () -> Extractors.open("vgg:x"));
    }
}
