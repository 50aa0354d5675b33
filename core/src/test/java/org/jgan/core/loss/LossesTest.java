package org.jgan.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.ConfigException;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves each adversarial loss against values worked out by hand for small logit tensors (real r = [1, -0.5, 2], fake
 * f = [-1, 0.5, 0]), that the log-based losses stay finite for extreme logits, and that the registry finds every loss
 * by its name and rejects unknown names listing the known ones.
 */
class LossesTest {
    static final double[] R = {1.0, -0.5, 2.0};
    static final double[] F = {-1.0, 0.5, 0.0};
    StepScope scope;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @BeforeEach
    void open() {
        scope = StepScope.open();
    }

    @AfterEach
    void close() {
        scope.close();
    }

    static Tensor dbl(double... v) {
        try (DoublePointer p = new DoublePointer(v); TensorOptions o = new TensorOptions(torch.ScalarType.Double)) {
            return torch.from_blob(p, new long[]{v.length}, o).clone();
        }
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** mean over i of term(x_i). */
    static double mean(double[] x, java.util.function.DoubleUnaryOperator term) {
        double s = 0;
        for (double v : x) {
            s += term.applyAsDouble(v);
        }
        return s / x.length;
    }

    static double d(GanLoss loss) {
        return loss.discriminator(dbl(R), dbl(F)).item_double();
    }

    static double g(GanLoss loss) {
        return loss.generator(dbl(F)).item_double();
    }

    @Test
    void nonSaturating() {
        GanLoss l = Losses.byName("non-saturating");
        // D: -log(sigmoid(r)) - log(1 - sigmoid(f)); G: -log(sigmoid(f))
        double expectedD = mean(R, r -> -Math.log(sigmoid(r))) + mean(F, f -> -Math.log(1 - sigmoid(f)));
        assertEquals(expectedD, d(l), 1e-12);
        assertEquals(mean(F, f -> -Math.log(sigmoid(f))), g(l), 1e-12);
        // (softplus(1) + softplus(-0.5) + softplus(0)) / 3 = (1.3132617 + 0.4740770 + 0.6931472) / 3
        assertEquals(0.8268286, g(l), 1e-7);
    }

    @Test
    void minimax() {
        GanLoss l = Losses.byName("minimax");
        double expectedD = mean(R, r -> -Math.log(sigmoid(r))) + mean(F, f -> -Math.log(1 - sigmoid(f)));
        assertEquals(expectedD, d(l), 1e-12);
        // G minimises log(1 - sigmoid(f)): negative, and lower when D is fooled
        assertEquals(mean(F, f -> Math.log(1 - sigmoid(f))), g(l), 1e-12);
        assertTrue(l.generator(dbl(3.0)).item_double() < l.generator(dbl(-3.0)).item_double());
    }

    @Test
    void hinge() {
        GanLoss l = Losses.byName("hinge");
        // D: mean(relu(1 - r)) + mean(relu(1 + f)) = (0 + 1.5 + 0)/3 + (0 + 1.5 + 1)/3 = 4/3
        assertEquals(4.0 / 3, d(l), 1e-12);
        // G: -mean(f) = -(-0.5/3)
        assertEquals(1.0 / 6, g(l), 1e-12);
    }

    @Test
    void wasserstein() {
        GanLoss l = Losses.byName("wasserstein");
        // D: mean(f) - mean(r) = -0.5/3 - 2.5/3 = -1
        assertEquals(-1.0, d(l), 1e-12);
        assertEquals(1.0 / 6, g(l), 1e-12);
    }

    @Test
    void leastSquares() {
        GanLoss l = Losses.byName("least-squares");
        // D: 0.5 mean((r - 1)^2) + 0.5 mean(f^2) = 0.5 (0 + 2.25 + 1)/3 + 0.5 (1 + 0.25 + 0)/3 = 0.75
        assertEquals(0.75, d(l), 1e-12);
        // G: 0.5 mean((f - 1)^2) = 0.5 (4 + 0.25 + 1)/3 = 0.875
        assertEquals(0.875, g(l), 1e-12);
    }

    @Test
    void logLossesStayFiniteForExtremeFloat32Logits() {
        Tensor big = Tensors.fromFloats(new float[]{100f, -100f}, 2);
        for (String name : List.of("non-saturating", "minimax")) {
            GanLoss l = Losses.byName(name);
            double dv = l.discriminator(big, big).item_double();
            double gv = l.generator(big).item_double();
            assertTrue(Double.isFinite(dv) && Double.isFinite(gv), name + ": " + dv + ", " + gv);
            // D: (softplus(-100) + softplus(100))/2 + (softplus(100) + softplus(-100))/2 = 100
            assertEquals(100.0, dv, 1e-4, name);
        }
        assertEquals(50.0, Losses.byName("non-saturating").generator(big).item_double(), 1e-4);
    }

    @Test
    void registryFindsEveryLossByName() {
        assertEquals(List.of("non-saturating", "minimax", "hinge", "wasserstein", "least-squares"),
                List.copyOf(Losses.names()));
        for (String name : Losses.names()) {
            assertEquals(name, Losses.byName(name).name());
        }
        ConfigException e = assertThrows(ConfigException.class, () -> Losses.byName("hinj"));
        assertEquals("unknown loss 'hinj'; choose one of non-saturating, minimax, hinge, wasserstein, least-squares",
                e.getMessage());
    }
}
