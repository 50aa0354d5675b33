package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The route that pads channel counts to oneDNN's block with zeros ({@link ConvRoute#PADDED}): it computes the same
 * values and first derivatives as float64 for plain and transposed convolutions with and without bias, at batches off
 * the block, and it is taken only where padding grows the arithmetic little and only under autograd.
 */
class PaddedRouteTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    @ParameterizedTest(name = "{0}->{1} k{2} s{3} transposed={4} bias={5} batch {6}")
    @CsvSource({
        "3, 32, 3, 1, false, true, 5",
        "32, 3, 9, 1, false, true, 4",
        "6, 64, 4, 2, false, false, 16",
        "128, 3, 4, 2, true, true, 3",
        "32, 3, 3, 2, true, false, 9",
        "512, 1, 4, 1, false, true, 4",
        "1, 64, 4, 2, true, false, 8",
    })
    void matchesFloat64UnderAutograd(long in, long out, long k, long s, boolean transposed, boolean bias, long n) {
        ConvSpec spec = ConvolutionsTest.spec(in, out, k, s, k / 2, transposed && s > 1 ? 1 : 0, 1, transposed);
        assertTrue(spec.paddable(), spec.key());
        try (StepScope scope = StepScope.open()) {
            Tensor x = torch.randn(n, in, 10, 10).set_requires_grad(true);
            Tensor w = torch.randn(spec.weightShape()).div(new org.bytedeco.pytorch.Scalar(Math.sqrt(in * k * k)))
                    .set_requires_grad(true);
            Tensor b = bias ? torch.randn(out).set_requires_grad(true) : null;
            Tensor y = run(x, w, b, spec);
            Tensor up = torch.randn(y.sizes().vec().get());
            y.mul(up).sum().backward();
            Tensor x64 = x.detach().to(torch.ScalarType.Double).set_requires_grad(true);
            Tensor w64 = w.detach().to(torch.ScalarType.Double).set_requires_grad(true);
            Tensor b64 = bias ? b.detach().to(torch.ScalarType.Double).set_requires_grad(true) : null;
            Tensor y64 = ConvRoute.LIBTORCH.apply(x64, w64, b64, spec);
            y64.mul(up.to(torch.ScalarType.Double)).sum().backward();
            close(y, y64, "forward");
            close(x.grad(), x64.grad(), "backward-data");
            close(w.grad(), w64.grad(), "backward-weights");
            if (bias) {
                close(b.grad(), b64.grad(), "bias gradient");
            }
        }
        Convolutions.Entry e = Convolutions.route(spec, n, 10, 10, ConvUse.BACKWARD);
        assertEquals(ConvRoute.PADDED, e.route(), e.toString());
        assertTrue(e.result().ok(), e.toString());
    }

    @ParameterizedTest(name = "{0}->{1}")
    @CsvSource({"1, 64", "3, 3", "16, 32", "20, 1"})
    void onlyWherePaddingCostsLittle(long in, long out) {
        ConvSpec spec = ConvolutionsTest.spec(in, out, 3, 1, 1, 0, 1, false);
        assertFalse(spec.paddable(), spec.key());
        // without autograd, im2col's per-image products stay: padding is for training
        assertTrue(ConvolutionsTest.spec(3, 64, 3, 1, 1, 0, 1, false).paddable());
        assertEquals(ConvRoute.IM2COL, Convolutions.route(ConvolutionsTest.spec(3, 64, 3, 1, 1, 0, 1, false), 4, 8, 8,
                ConvUse.FORWARD).route());
    }

    @org.junit.jupiter.api.Test
    void aSecondOrderGradientNeedsItsScope() {
        try (StepScope scope = StepScope.open()) {
            Tensor x = torch.randn(2, 3).set_requires_grad(true);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Autograd.grad(x.square().sum(), x, true));
            assertTrue(e.getMessage().contains("secondOrder"), e.getMessage());
            try (Autograd.Scope twice = Autograd.secondOrder()) {
                assertTrue(Autograd.grad(x.square().sum(), x, true).requires_grad());
            }
            assertFalse(Autograd.inSecondOrder());
        }
    }

    private static Tensor run(Tensor x, Tensor w, Tensor b, ConvSpec s) {
        return s.transposed()
                ? Convolutions.convTranspose2d(x, w, b, s.stride(), s.padding(), s.outputPadding(), 1, s.dilation())
                : Convolutions.conv2d(x, w, b, s.stride(), s.padding(), s.dilation(), 1);
    }

    private static void close(Tensor got, Tensor want, String what) {
        double scale = want.abs().max().item_double();
        double err = got.to(torch.ScalarType.Double).sub(want).abs().max().item_double() / scale;
        assertTrue(err < 1e-5, what + " off by " + err + " of its largest value");
    }
}
