package org.jgan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bytedeco.pytorch.TensorVector;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.AtomicFiles;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;
import org.jgan.engine.Torch;
import org.jgan.models.Variants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan bench-stylegan2}: the StyleGAN2 training step of the stylegan2 preset (Karras et al. 2020, scaled down)
 * against the same networks and step written in PyTorch ({@code bench/stylegan2_bench.py}), one after the other.
 * Besides wall time it reports process CPU time per step, which stays comparable on a machine shared with other
 * jobs, where wall time mostly measures the neighbours.
 */
@Command(name = "bench-stylegan2", mixinStandardHelpOptions = true,
        description = "Measure the StyleGAN2 training step (32x32, stylegan2 preset) against PyTorch.")
public final class StyleGan2BenchCommand implements Callable<Integer> {
    @Option(names = "--steps", defaultValue = "32", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "1", description = "Threads for both (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--width", defaultValue = "64", description = "model.width (default: ${DEFAULT-VALUE}).")
    int width;

    @Mixin
    PythonOptions python = new PythonOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Torch.init(threads);
        TrainConfig cfg = ConfigJson.withOverrides(Presets.byName("stylegan2"), List.of("model.width=" + width),
                TrainConfig.class);
        int batch = cfg.data().batch();
        cfg = cfg.withData(new DataConfig("synthetic", batch, true, 0))
                .withSchedule(new ScheduleConfig(0, warmup + steps, 1_000_000, 1_000_000, 1_000_000, 1, 16));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[warmup + steps + 1];
        double[] cpu = new double[warmup + steps + 1];
        long params;
        Path tmp = Files.createTempDirectory("jgan-bench-sg2");
        try (Trainer t = new Trainer(Variants.byName("stylegan2"), cfg, SyntheticData.shapes(batch * 4, 28, 1),
                tmp)) {
            params = count(t.players().generator()) + count(t.players().discriminator());
            wall[0] = System.nanoTime() / 1e6;
            cpu[0] = os.getProcessCpuTime() / 1e6;
            t.run(new TrainListener() {
                @Override
                public void stepDone(TrainState s, Map<String, Double> stats) {
                    wall[(int) s.step()] = System.nanoTime() / 1e6;
                    cpu[(int) s.step()] = os.getProcessCpuTime() / 1e6;
                }
            });
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
        double wallMs = median(wall);
        double cpuMs = median(cpu);
        var out = spec.commandLine().getOut();
        out.printf("StyleGAN2 step, 32x32 (28x28 data), batch %d, width %d, %d thread(s), median of %d steps%n", batch,
                width, threads, steps);
        out.printf("%-26s %12s %12s %14s %10s%n", "", "wall ms", "CPU ms", "img/s by CPU", "params");
        out.printf("%-26s %12.1f %12.1f %14.1f %10d%n", "jgan (libtorch " + Torch.libtorchVersion() + ")", wallMs,
                cpuMs, batch * threads / (cpuMs / 1000), params);
        if (!python.noPython) {
            JsonNode p = runPython(batch);
            double pyCpu = p.get("cpu_ms_median").asDouble();
            out.printf("%-26s %12.1f %12.1f %14.1f %10d%n", "PyTorch " + p.get("torch").asText(),
                    p.get("step_ms_median").asDouble(), pyCpu, batch * threads / (pyCpu / 1000),
                    p.get("params_g").asLong() + p.get("params_d").asLong());
            out.printf("CPU time per step, jgan / PyTorch: %.2f (below 1: jgan is faster)%n", cpuMs / pyCpu);
        }
        return 0;
    }

    private double median(double[] stamps) {
        double[] d = new double[steps];
        for (int i = 0; i < steps; i++) {
            d[i] = stamps[warmup + i + 1] - stamps[warmup + i];
        }
        Arrays.sort(d);
        return d[steps / 2];
    }

    private static long count(GanNet net) {
        TensorVector p = net.parameters(true);
        long n = 0;
        for (long i = 0; i < p.size(); i++) {
            n += p.get(i).numel();
        }
        return n;
    }

    private JsonNode runPython(int batch) throws Exception {
        // as jgan: OpenBLAS single-threaded inside torch's own threads
        return python.run("/bench/stylegan2_bench.py", Map.of("OPENBLAS_NUM_THREADS", "1"), threads, batch, steps,
                warmup, width);
    }
}
