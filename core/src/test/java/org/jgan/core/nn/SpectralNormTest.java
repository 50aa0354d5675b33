package org.jgan.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.train.Checkpoints;
import org.jgan.engine.StepScope;
import org.jgan.engine.Tensors;
import org.jgan.engine.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spectral normalisation against an SVD: after power iteration the normalised weight's top singular value is 1. */
class SpectralNormTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Torch.init(2);
    }

    static double topSingular(Tensor w) {
        return torch.linalg_svdvals(w.detach().view(w.size(0), -1)).max().item_double();
    }

    @Test
    void normalisedWeightHasUnitSpectralNorm() {
        try (StepScope s = StepScope.open(); Module owner = new Module()) {
            // A seeded weight, so the gap between its top singular values (which sets the convergence rate of the
            // power iteration) is the same on every run.
            Tensor w = torch.randn(new long[]{16, 8, 3, 3}, new org.bytedeco.pytorch.GeneratorOptional(
                    torch.createCPUGenerator(42))).mul(new org.bytedeco.pytorch.Scalar(3.0));
            SpectralNorm sn = new SpectralNorm(owner, "w", 16, 1);
            Tensor normed = null;
            for (int i = 0; i < 300; i++) {
                normed = sn.apply(w, true);
            }
            assertEquals(1.0, topSingular(normed), 1e-3);
            // eval mode does not move u any more
            double before = topSingular(sn.apply(w, false));
            double after = topSingular(sn.apply(w, false));
            assertEquals(before, after, 0.0);
        }
    }

    @Test
    void snLayersKeepShapesAndSaveTheirPowerIterationState() throws Exception {
        try (StepScope s = StepScope.open(); SnConv2d conv = new SnConv2d(3, 6, 4, 2, 1, true, 1);
             SnLinear lin = new SnLinear(10, 4, true, 2)) {
            assertArrayEquals(new long[]{2, 6, 8, 8}, Tensors.shape(conv.forward(torch.randn(2, 3, 16, 16))));
            assertArrayEquals(new long[]{2, 4}, Tensors.shape(lin.forward(torch.randn(2, 10))));
            for (int i = 0; i < 5; i++) {
                lin.forward(torch.randn(2, 10));
            }
            Checkpoints.saveModule(lin, tmp.resolve("lin.pt"));
            try (SnLinear back = new SnLinear(10, 4, true, 99)) {
                Checkpoints.loadModule(back, tmp.resolve("lin.pt"));
                assertArrayEquals(Tensors.toFloats(lin.buffers().get(0)), Tensors.toFloats(back.buffers().get(0)));
                back.eval();
                lin.eval();
                Tensor x = torch.randn(3, 10);
                assertArrayEquals(Tensors.toFloats(lin.forward(x)), Tensors.toFloats(back.forward(x)), 1e-6f);
            }
        }
    }
}
