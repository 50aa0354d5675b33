package org.jgan.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.Players;
import org.jgan.core.train.Sampler;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Precision;
import org.jgan.engine.StepScope;

/**
 * Wall and process CPU time ({@link CpuClock}) of each step of a training run, stamped when the loop reports a step
 * done, for the step benchmarks. CPU time (all threads) stays comparable on a machine shared with other jobs, where
 * wall time mostly measures the neighbours.
 *
 * @param wallMs median wall milliseconds per timed step
 * @param cpuMs  median process CPU milliseconds per timed step
 */
record StepTimes(double wallMs, double cpuMs) {
    /** Runs {@code trainer} for {@code warmup + steps} steps (its schedule must end there) and times the last steps. */
    static StepTimes run(Trainer trainer, int warmup, int steps) throws IOException {
        double[] wall = new double[warmup + steps + 1];
        double[] cpu = new double[warmup + steps + 1];
        wall[0] = System.nanoTime() / 1e6;
        cpu[0] = CpuClock.millis();
        trainer.run(new TrainListener() {
            @Override
            public void stepDone(TrainState s, Map<String, Double> stats) {
                int i = (int) s.step();
                if (i < wall.length) {
                    wall[i] = System.nanoTime() / 1e6;
                    cpu[i] = CpuClock.millis();
                }
            }
        });
        return new StepTimes(median(wall, warmup, steps), median(cpu, warmup, steps));
    }

    /**
     * Median wall and process CPU milliseconds per batch of {@code batch} images sampled as {@code jgan sample} does
     * (eval mode, no gradients; truncation {@code psi}), after one untimed batch, the convolutions computing in
     * {@code precision}.
     */
    static StepTimes generation(GanNet generator, int latentDim, int batch, int reps, double psi,
                                Precision precision) {
        double[] wall = new double[reps];
        double[] cpu = new double[reps];
        for (int i = 0; i <= reps; i++) {
            try (StepScope scope = StepScope.open(); Precision.Scope p = Precision.use(precision)) {
                Tensor z = torch.randn(batch, latentDim);
                double w0 = System.nanoTime() / 1e6;
                double c0 = CpuClock.millis();
                Sampler.generate(generator, z, null, psi);
                if (i > 0) {
                    wall[i - 1] = System.nanoTime() / 1e6 - w0;
                    cpu[i - 1] = CpuClock.millis() - c0;
                }
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new StepTimes(wall[reps / 2], cpu[reps / 2]);
    }

    /** What every step benchmark's JSON starts with: the CPU, threads, timed steps, the assumed peak, PyTorch's BLAS. */
    static Map<String, Object> jsonHeader(int threads, int steps, double peak, String pytorchBlas) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("cpu", org.jgan.engine.CpuInfo.model());
        m.put("threads", threads);
        m.put("steps", steps);
        m.put("fp32_peak_gflops", peak);
        if (pytorchBlas != null) {
            m.put("pytorch_blas", pytorchBlas);
        }
        return m;
    }

    /** One point's times into {@code o}; PyTorch's are NaN without Python and become null (JSON has no NaN). */
    static void putTimes(Map<String, Object> o, double wallMs, double cpuMs, double pyWallMs, double pyCpuMs) {
        o.put("jgan_wall_ms", wallMs);
        o.put("jgan_cpu_ms", cpuMs);
        o.put("pytorch_wall_ms", Double.isNaN(pyWallMs) ? null : pyWallMs);
        o.put("pytorch_cpu_ms", Double.isNaN(pyCpuMs) ? null : pyCpuMs);
    }

    /** The line under a step benchmark's table: what its times are and the FP32 peak its shares assume. */
    static String legend(double peak, int threads) {
        String assumed = peak > 0 ? String.format("Peak assumed: %.0f GFLOP/s (%s)", peak,
                org.jgan.engine.CpuInfo.peakAssumption(threads)) : "No peak: /proc/cpuinfo gives no clock here";
        return "CPU ms per step (process CPU time, all threads); jgan/PyT below 1: jgan is faster. " + assumed;
    }

    /** Parameters of the trained networks of {@code players} (every network of its optimizer groups). */
    static long parameters(Players players) {
        long n = 0;
        for (String name : players.groups().values().stream().flatMap(java.util.List::stream).toList()) {
            GanNet net = players.net(name);
            TensorVector p = net.parameters(true);
            for (long i = 0; i < p.size(); i++) {
                n += p.get(i).numel();
            }
        }
        return n;
    }

    private static double median(double[] stamps, int warmup, int steps) {
        double[] d = new double[steps];
        for (int i = 0; i < steps; i++) {
            d[i] = stamps[warmup + i + 1] - stamps[warmup + i];
        }
        Arrays.sort(d);
        return d[steps / 2];
    }
}
