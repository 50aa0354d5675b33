package org.jgan.models.timegan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.train.RunDir;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.Trainer;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SeriesShapes} and the two keys that weight its losses ({@link TimeGanConfig#shapeMoments},
 * {@link TimeGanConfig#shapeCorrelations}): an orthonormal basis whose coefficients recover a known polynomial, both
 * losses zero for the real windows and not for a wobble that the per-step moments barely see, the keys off unless set
 * (also in runs written before them), bad weights refused, and a run with both on trains with finite losses.
 */
class TimeGanShapeTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(1);
    }

    @Test
    void theBasisIsOrthonormalAndItsCoefficientsRecoverAPolynomial() {
        for (int steps : new int[] {3, 8, 24, 200}) {
            int k = Math.min(SeriesShapes.DEGREES, steps);
            float[] b = SeriesShapes.basis(steps, k);
            for (int d = 0; d < k; d++) {
                for (int e = 0; e < k; e++) {
                    double dot = 0;
                    for (int t = 0; t < steps; t++) {
                        dot += b[t * k + d] * b[t * k + e] * steps;
                    }
                    assertEquals(d == e ? 1.0 : 0.0, dot, 1e-4, steps + " steps, degrees " + d + " and " + e);
                }
            }
        }
        try (StepScope s = StepScope.open()) {
            // one window, two features: 0.3 + 0.2 u and 0.5 - 0.1 u^2 over u in [-1, 1]; nothing beyond their degree
            float[] v = new float[24 * 2];
            for (int t = 0; t < 24; t++) {
                double u = 2.0 * t / 23 - 1;
                v[2 * t] = (float) (0.3 + 0.2 * u);
                v[2 * t + 1] = (float) (0.5 - 0.1 * u * u);
            }
            float[] c = Tensors.toFloats(SeriesShapes.coefficients(Tensors.fromFloats(v, 1, 24, 2)));
            assertEquals(0.3, c[0], 1e-6, "degree 0 is the window's mean");
            assertTrue(Math.abs(c[1]) > 0.1, "the trend");
            for (int d = 2; d < 6; d++) {
                assertEquals(0.0, c[d], 1e-6, "a line has no degree " + d);
            }
            assertTrue(c[6 + 2] < -0.02, "the bend of the second feature: " + c[8]);
            assertEquals(0.0, c[6 + 1], 1e-6, "an even window has no odd part");
            assertEquals(0.0, c[6 + 3], 1e-6);
        }
    }

    @Test
    void theShapesLossesSeeWhatThePerStepMomentsBarelySee() {
        try (StepScope s = StepScope.open()) {
            // TimeGAN's sines; the same with a cubic wobble of random size in each window; and the sines with their
            // cubic parts swapped between windows, so each degree's coefficients are the real ones, shuffled
            torch.manual_seed(5);
            Tensor f = torch.rand(512, 1, 2).mul(new Scalar(0.1));
            Tensor p = torch.rand(512, 1, 2).mul(new Scalar(0.1));
            Tensor t = torch.arange(new Scalar(0), new Scalar(24)).to(torch.ScalarType.Float).view(1, 24, 1);
            Tensor x = f.mul(t).add(p).sin().add(new Scalar(1)).div(new Scalar(2));
            Tensor b3 = Tensors.fromFloats(SeriesShapes.basis(24, 6), 24, 6).select(1, 3).mul(new Scalar(24.0))
                    .view(1, 24, 1);  // coefficient times this is the window's cubic part
            Tensor wobbly = x.add(torch.randn(512, 1, 2).mul(new Scalar(0.01)).mul(b3));
            Tensor c3 = SeriesShapes.coefficients(x).select(2, 3).unsqueeze(1);  // [512, 1, 2]
            Tensor swapped = x.sub(c3.mul(b3)).add(c3.index_select(0, torch.randperm(512)).mul(b3));
            assertEquals(0.0, SeriesShapes.moments(x, x).item_double(), 1e-7);
            assertEquals(0.0, SeriesShapes.correlations(x, x).item_double(), 1e-5);
            assertTrue(SeriesShapes.moments(wobbly, x).item_double() > 5e-4, "a cubic wobble's spread is seen");
            double steps = TimeGanLosses.moments(swapped, x).item_double();
            double shapes = SeriesShapes.moments(swapped, x).item_double();
            double r = SeriesShapes.correlations(swapped, x).item_double();
            assertEquals(0.0, shapes, 1e-6, "every degree's coefficients are the real ones");
            assertTrue(r > 0.1 && r > 100 * steps, "the shapes' correlations " + r + ", the steps' moments " + steps);
            assertEquals(0.0, SeriesShapes.correlations(torch.zeros(4, 1, 1), torch.zeros(4, 1, 1)).item_double(),
                    0, "a window of one step has one coefficient and no pairs");
        }
    }

    @Test
    void offUnlessSetAlsoInOldRunsAndBadWeightsAreRefused() throws Exception {
        assertEquals(0.0, TimeGanConfig.defaults().shapeMoments());
        assertEquals(0.0, TimeGanConfig.defaults().shapeCorrelations());
        RunDir dir = new RunDir(tmp.resolve("old"));
        Files.createDirectories(dir.path());
        dir.writeConfig(TimeGanConfig.of(TimeGanTest.config(1)).withShapeMoments(2).withShapeCorrelations(0.5)
                .in(TimeGanTest.config(1)), java.util.Map.of());
        assertEquals(2.0, TimeGanConfig.of(dir.readConfig()).shapeMoments(), "the weight is saved with the run");
        assertEquals(0.5, TimeGanConfig.of(dir.readConfig()).shapeCorrelations());
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) dir.readConfigTree();
        var section = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("config").get("timegan");
        section.remove("shapeMoments");
        section.remove("shapeCorrelations");
        Files.writeString(dir.configFile(), ConfigJson.MAPPER.writeValueAsString(root));
        assertEquals(0.0, TimeGanConfig.of(dir.readConfig()).shapeMoments(), "a run written before the key");
        assertEquals(0.0, TimeGanConfig.of(dir.readConfig()).shapeCorrelations());
        for (double bad : new double[] {-1, Double.NaN, 1e4}) {
            var e = assertThrows(ConfigException.class, () -> TimeGanConfig.defaults().withShapeMoments(bad));
            assertTrue(e.getMessage().contains("timegan.shapeMoments must be in 0..1000"), e.getMessage());
            e = assertThrows(ConfigException.class, () -> TimeGanConfig.defaults().withShapeCorrelations(bad));
            assertTrue(e.getMessage().contains("timegan.shapeCorrelations must be in 0..1000"), e.getMessage());
        }
    }

    @Test
    void aRunWithBothTrainsWithFiniteLosses() throws Exception {
        Path run = tmp.resolve("shapes");
        var c = TimeGanConfig.of(TimeGanTest.config(9)).withShapeMoments(1).withShapeCorrelations(0.1)
                .in(TimeGanTest.config(9));
        try (Trainer t = TimeGanTest.trainer(c, run)) {
            t.run(new TrainListener() { });
        }
        List<String> stats = Files.readAllLines(run.resolve("stats.jsonl"));
        assertTrue(stats.get(7).contains("Loss/G_shapes") && stats.get(7).contains("Loss/G_shape_r"), stats.get(7));
        assertFalse(String.join("", stats).contains("NaN"));
    }
}
