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
        // the route the call above really took (route() would decide afresh for a key the call never made)
        assertTrue(Convolutions.routes().stream().anyMatch(e -> e.spec().equals(spec) && e.input()[0] == n
                && e.use() == ConvUse.BACKWARD && e.route() == ConvRoute.PADDED && e.result().ok()), spec.key());
    }

    /** Inside a second-order scope a batch of 9 is padded to 16 images and the channels to the block, both cut back. */
    @org.junit.jupiter.api.Test
    void batchAndChannelPaddingTogetherForASecondOrderGradient() {
        ConvSpec spec = ConvolutionsTest.spec(3, 32, 3, 1, 1, 0, 1, false);
        try (StepScope scope = StepScope.open()) {
            Tensor x = torch.randn(9, 3, 8, 8).set_requires_grad(true);
            Tensor w = torch.randn(32, 3, 3, 3).set_requires_grad(true);
            Tensor g;
            try (Autograd.Scope twice = Autograd.secondOrder()) {
                Tensor y = Convolutions.conv2d(x, w, null, 1, 1);
                assertEquals(9, y.size(0));
                assertEquals(32, y.size(1));
                g = Autograd.grad(y.square().sum(), x, true);
            }
            // d/dw of sum(g^2), against the same in float64
            Tensor[] gw = Autograd.grad(new Tensor[]{g.square().sum()}, new Tensor[]{w}, false);
            Tensor x64 = x.detach().to(torch.ScalarType.Double).set_requires_grad(true);
            Tensor w64 = w.detach().to(torch.ScalarType.Double).set_requires_grad(true);
            Tensor g64;
            try (Autograd.Scope twice = Autograd.secondOrder()) {
                g64 = Autograd.grad(ConvRoute.LIBTORCH.apply(x64, w64, null, spec).square().sum(), x64, true);
            }
            close(g, g64, "input gradient");
            close(gw[0], Autograd.grad(new Tensor[]{g64.square().sum()}, new Tensor[]{w64}, false)[0],
                    "weight gradient of the gradient");
        }
        assertTrue(Convolutions.routes().stream().anyMatch(e -> e.spec().equals(spec) && e.input()[0] == 16
                && e.use() == ConvUse.DOUBLE_BACKWARD && e.route() == ConvRoute.PADDED), "padded batch and channels");
    }

    @ParameterizedTest(name = "{0}->{1}")
    @CsvSource({"1, 64", "3, 3", "16, 32", "20, 1"})
    void onlyWherePaddingCostsLittle(long in, long out) {
        ConvSpec spec = ConvolutionsTest.spec(in, out, 3, 1, 1, 0, 1, false);
        assertFalse(spec.paddable(), spec.key());
    }

    /**
     * Without autograd, im2col's per-image products stay where the input is narrow (an image in) and for transposed
     * convolutions; a convolution with a narrow output (an image out) is padded, forward too.
     */
    @org.junit.jupiter.api.Test
    void withoutAutogradOnlyForNarrowOutputs() {
        ConvSpec in = ConvolutionsTest.spec(3, 64, 3, 1, 1, 0, 1, false);
        assertTrue(in.paddable());
        assertEquals(ConvRoute.IM2COL, Convolutions.route(in, 4, 8, 8, ConvUse.FORWARD).route());
        assertEquals(ConvRoute.PADDED, Convolutions.route(in, 4, 8, 8, ConvUse.BACKWARD).route());
        ConvSpec out = ConvolutionsTest.spec(32, 3, 7, 1, 0, 0, 1, false);
        assertTrue(out.paddable());
        assertEquals(ConvRoute.PADDED, Convolutions.route(out, 4, 12, 12, ConvUse.FORWARD).route());
        assertTrue(Convolutions.route(out, 4, 12, 12, ConvUse.FORWARD).result().ok(), "checked like any route");
        ConvSpec up = ConvolutionsTest.spec(32, 3, 4, 2, 1, 0, 1, true);
        assertTrue(up.paddable());
        assertEquals(ConvRoute.IM2COL, Convolutions.route(up, 4, 7, 7, ConvUse.FORWARD).route());
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
