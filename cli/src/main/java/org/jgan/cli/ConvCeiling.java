package org.jgan.cli;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.engine.Convolutions;
import org.jgan.engine.Precision;
import org.jgan.engine.StepScope;

/**
 * The rate this machine reaches on one large, well-shaped convolution (256 to 256 channels, 3 x 3, batch 8 at
 * 32 x 32, 9.7 GFLOP, on oneDNN at the threads set, in float32 or another {@link Precision}): a measured
 * ceiling, printed by the benchmarks beside the peak they assume from the CPU's nominal clock.
 *
 * <p>Why: {@code /proc/cpuinfo} reports a boosting CPU's base clock, so the assumed peak can be far below what the
 * CPU does (measured on a 2-core Zen 5 EPYC reporting 2.10 GHz: one core ran a 2048 x 2048 product at 195 GFLOP/s
 * against the 134 assumed), and a step's share of it flatters the step. A share of the measured rate does not.
 */
final class ConvCeiling {
    private static final long N = 8;
    private static final long C = 256;
    private static final long HW = 32;
    /** Multiply-adds counted twice, as the benchmarks count every layer's FLOP. */
    static final double GFLOP = 2.0 * N * C * C * 9 * HW * HW / 1e9;

    private ConvCeiling() {
    }

    /** The best of five timed runs after two untimed ones (the first also runs the convolution's check), GFLOP/s. */
    static double gflops() {
        return gflops(Precision.FLOAT32);
    }

    /** The same, the convolution computing in {@code precision}. */
    static double gflops(Precision precision) {
        double best = 0;
        try (StepScope scope = StepScope.open(); Precision.Scope p = Precision.use(precision)) {
            Tensor x = torch.randn(N, C, HW, HW);
            Tensor w = torch.randn(C, C, 3, 3);
            for (int i = 0; i < 7; i++) {
                long t0 = System.nanoTime();
                Convolutions.conv2d(x, w, null, 1, 1).close();
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (i >= 2) {
                    best = Math.max(best, GFLOP / seconds);
                }
            }
        }
        return best;
    }
}
