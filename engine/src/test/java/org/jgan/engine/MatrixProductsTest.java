package org.jgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link MatrixProducts} split over two threads gives libtorch's product (to float32 rounding), the same result on
 * every call, frees what its threads made, and reports a failure of any part.
 */
class MatrixProductsTest {
    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    /** 301 rows (odd, so the parts differ in size) by 200 by 400: above the split threshold. */
    private static Tensor[] operands() {
        torch.manual_seed(7);
        Tensor a = torch.randn(301, 200);
        Tensor b = torch.randn(400, 200).t(); // a transposed view, as the metrics pass
        assertEquals(2, MatrixProducts.parts(301, 200, 400), "split over both threads");
        return new Tensor[] {a, b};
    }

    @Test
    void splitProductIsLibtorchsProduct() {
        try (StepScope s = StepScope.open()) {
            Tensor[] ab = operands();
            Tensor expected = torch.mm(ab[0], ab[1]);
            Tensor got = MatrixProducts.mm(ab[0], ab[1]);
            assertEquals(301, got.size(0));
            assertEquals(400, got.size(1));
            double err = got.sub(expected).abs().max().item_double();
            assertTrue(err < 1e-4, "largest difference " + err);
            assertTrue(torch.equal(got, MatrixProducts.mm(ab[0], ab[1])), "the same result on every call");
        }
    }

    @Test
    void addmmBroadcastsOneBiasRowAndScales() {
        try (StepScope s = StepScope.open()) {
            Tensor[] ab = operands();
            Tensor bias = torch.randn(1, 400);
            Tensor expected = torch.addmm(bias, ab[0], ab[1], new Scalar(1.0), new Scalar(-2.0));
            double err = MatrixProducts.addmm(bias, ab[0], ab[1], -2.0).sub(expected).abs().max().item_double();
            assertTrue(err < 2e-4, "largest difference " + err);
            Tensor one = torch.ones(1).to(torch.ScalarType.Double);
            Tensor a64 = ab[0].to(torch.ScalarType.Double);
            Tensor b64 = ab[1].to(torch.ScalarType.Double);
            Tensor expected64 = torch.addmm(one, a64, b64, new Scalar(1.0), new Scalar(0.5));
            double err64 = MatrixProducts.addmm(one, a64, b64, 0.5).sub(expected64).abs().max().item_double();
            assertTrue(err64 < 1e-10, "float64: largest difference " + err64);
        }
    }

    @Test
    void biasOfSeveralRowsIsRefused() {
        try (StepScope s = StepScope.open()) {
            Tensor[] ab = operands();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MatrixProducts.addmm(torch.zeros(301, 400), ab[0], ab[1], 1.0));
            assertTrue(e.getMessage().contains("301 rows"), e.getMessage());
        }
    }

    @Test
    void smallProductStaysOnTheCallingThreadAndMatchesExactly() {
        try (StepScope s = StepScope.open()) {
            Tensor a = torch.randn(8, 5);
            Tensor b = torch.randn(5, 3);
            assertEquals(1, MatrixProducts.parts(8, 5, 3));
            assertTrue(torch.equal(MatrixProducts.mm(a, b), torch.mm(a, b)));
        }
    }

    @Test
    void mismatchedShapesFailFromEveryPartWithoutHanging() {
        try (StepScope s = StepScope.open()) {
            Tensor a = torch.randn(400, 200);
            Tensor b = torch.randn(199, 400);
            assertThrows(RuntimeException.class, () -> MatrixProducts.mm(a, b));
        }
    }

    @Test
    void workerThreadsLeaveNoNativeObjectsBehind() throws Exception {
        try (StepScope s = StepScope.open()) {
            Tensor[] ab = operands();
            Tensor bias = torch.zeros(1, 400);
            MatrixProducts.addmm(bias, ab[0], ab[1], -2.0); // the pool's threads exist from here on
            long before = StepScopeTest.settledLiveObjects();
            for (int i = 0; i < 20; i++) {
                try (StepScope inner = StepScope.open()) {
                    // each part makes its own scalars: they must die with the part, not wait for the collector
                    MatrixProducts.addmm(bias, ab[0], ab[1], -2.0);
                }
            }
            // no garbage collection first: a handle left to the collector would still count here
            assertEquals(before, NativeMemory.liveObjects());
        }
    }
}
