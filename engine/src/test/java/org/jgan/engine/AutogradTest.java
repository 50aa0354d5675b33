package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@link Autograd#grad} gives correct first- and second-order gradients: a gradient-penalty-like
 * h(x) = ||df/dx||^2 with f(x) = sum(tanh(W x)^2), differentiated again with {@code createGraph}, matches central
 * finite differences of h in float64, with respect to both the input x and the weights W.
 */
class AutogradTest {
    static final double[] W = {0.3, -0.8, 0.5, 1.1, 0.2, -0.4, -0.7, 0.9, 0.6, 0.05, -1.2, 0.35};
    static final double[] X = {0.4, -0.3, 0.9};

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static Tensor dbl(double[] v, long... shape) {
        try (DoublePointer p = new DoublePointer(v); TensorOptions o = new TensorOptions(torch.ScalarType.Double)) {
            return torch.from_blob(p, shape, o).clone();
        }
    }

    /** f(x) = sum(tanh(W x)^2), W 4x3, x 3. */
    static Tensor f(Tensor w, Tensor x) {
        return torch.tanh(w.matmul(x)).square().sum();
    }

    /** h = ||df/dx||^2, computed with a first-order autograd call (no graph kept). */
    static double h(double[] w, double[] x) {
        try (StepScope s = StepScope.open()) {
            Tensor xt = dbl(x, 3).set_requires_grad(true);
            Tensor g = Autograd.grad(f(dbl(w, 4, 3), xt), xt, false);
            return g.square().sum().item_double();
        }
    }

    /** Central differences of h with respect to {@code v} (which is W or x), one coordinate at a time. */
    static double[] finiteDifferences(double[] w, double[] x, boolean wrtW) {
        double[] v = wrtW ? w : x;
        double[] out = new double[v.length];
        double eps = 1e-5;
        for (int i = 0; i < v.length; i++) {
            double[] plus = v.clone();
            double[] minus = v.clone();
            plus[i] += eps;
            minus[i] -= eps;
            double hp = wrtW ? h(plus, x) : h(w, plus);
            double hm = wrtW ? h(minus, x) : h(w, minus);
            out[i] = (hp - hm) / (2 * eps);
        }
        return out;
    }

    static void assertClose(double[] expected, double[] actual, double relTol) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (expected[i] - actual[i]) * (expected[i] - actual[i]);
            norm += expected[i] * expected[i];
        }
        assertTrue(norm > 1e-6, "degenerate test point, gradient is ~0");
        double rel = Math.sqrt(diff / norm);
        assertTrue(rel < relTol, "relative error " + rel + ": expected " + java.util.Arrays.toString(expected)
                + " got " + java.util.Arrays.toString(actual));
    }

    @Test
    void firstOrderGradientMatchesTheClosedForm() {
        // df/dx = W^T (2 t (1 - t^2)), t = tanh(W x)
        double[] expected = new double[3];
        for (int r = 0; r < 4; r++) {
            double a = 0;
            for (int c = 0; c < 3; c++) {
                a += W[r * 3 + c] * X[c];
            }
            double t = Math.tanh(a);
            for (int c = 0; c < 3; c++) {
                expected[c] += W[r * 3 + c] * 2 * t * (1 - t * t);
            }
        }
        try (StepScope s = StepScope.open()) {
            Tensor x = dbl(X, 3).set_requires_grad(true);
            Tensor g = Autograd.grad(f(dbl(W, 4, 3), x), x, false);
            assertFalse(g.requires_grad(), "without createGraph the gradient must not be differentiable");
            assertArrayEquals(expected, Tensors.toDoubles(g), 1e-12);
        }
    }

    @Test
    void secondOrderGradientWithRespectToInputMatchesFiniteDifferences() {
        double[] autograd;
        try (StepScope s = StepScope.open()) {
            Tensor x = dbl(X, 3).set_requires_grad(true);
            Tensor g;
            try (Autograd.Scope twice = Autograd.secondOrder()) {
                g = Autograd.grad(f(dbl(W, 4, 3), x), x, true);
            }
            assertTrue(g.requires_grad(), "createGraph=true must give a differentiable gradient");
            Tensor h = g.square().sum();
            autograd = Tensors.toDoubles(Autograd.grad(h, x, false));
        }
        assertClose(finiteDifferences(W, X, false), autograd, 1e-6);
    }

    /** The gradient-penalty case: the penalty on d/dx must reach the discriminator's weights. */
    @Test
    void secondOrderGradientWithRespectToWeightsMatchesFiniteDifferences() {
        double[] autograd;
        try (StepScope s = StepScope.open()) {
            Tensor w = dbl(W, 4, 3).set_requires_grad(true);
            Tensor x = dbl(X, 3).set_requires_grad(true);
            Tensor g;
            try (Autograd.Scope twice = Autograd.secondOrder()) {
                g = Autograd.grad(f(w, x), x, true);
            }
            Tensor h = g.square().sum();
            autograd = Tensors.toDoubles(Autograd.grad(h, w, false));
        }
        assertClose(finiteDifferences(W, X, true), autograd, 1e-6);
    }

    @Test
    void nonScalarOutputsAreSummedAndSeveralInputsGetOneGradientEach() {
        try (StepScope s = StepScope.open()) {
            Tensor a = dbl(new double[]{1, -2, 3}, 3).set_requires_grad(true);
            Tensor b = dbl(new double[]{0.5, 4}, 2).set_requires_grad(true);
            // outputs a^2 (a vector) and 3 * sum(b): d/da = 2a, d/db = 3
            Tensor[] g = Autograd.grad(new Tensor[]{a.square(), b.sum().mul(dbl(new double[]{3}, 1))},
                    new Tensor[]{a, b}, false);
            assertArrayEquals(new double[]{2, -4, 6}, Tensors.toDoubles(g[0]), 1e-12);
            assertArrayEquals(new double[]{3, 3}, Tensors.toDoubles(g[1]), 1e-12);
        }
    }
}
