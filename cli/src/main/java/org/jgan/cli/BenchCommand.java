package org.jgan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.train.AtomicFiles;
import org.jgan.core.train.TrainListener;
import org.jgan.core.train.TrainState;
import org.jgan.core.train.Trainer;
import org.jgan.engine.CpuInfo;
import org.jgan.engine.Precision;
import org.jgan.engine.Torch;
import org.jgan.models.Variants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan bench}: DCGAN training and generation throughput of jgan against PyTorch (Debian's python3-torch) on
 * the same model, step, batch and threads, measured side by side in one run. Reports ratios, never asserts times.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure DCGAN training and generation throughput against PyTorch, side by side.")
public final class BenchCommand implements Callable<Integer> {
    /** Multiply-adds of one DCGAN step at batch 64 on 28x28 (forward and both backward passes of G and D), times 2. */
    static final double STEP_GFLOP_AT_64 = 18.2;

    @Option(names = "--steps", defaultValue = "50", description = "Timed training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "10", description = "Untimed warm-up steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--batch", defaultValue = "64", description = "Training batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", description = "Threads for both (default: all cores).")
    Integer threads;

    @Mixin
    PythonOptions python = new PythonOptions();

    @Option(names = "--json", description = "Also write the results as JSON to this file.")
    Path json;

    @Option(names = "--precision", defaultValue = "float32", description = "model.precision of jgan's networks: "
            + "float32 or bfloat16; with bfloat16 each PyTorch setting runs under CPU autocast to bfloat16 as well as "
            + "in float32, and PyTorch's best of all counts (default: ${DEFAULT-VALUE}).")
    String precision;

    /** {@link #precision}, parsed once in {@link #call}. */
    private Precision mode;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds; after the first, jgan and PyTorch's best "
            + "settings alternate, and the ratios come from the medians (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        org.jgan.core.config.ConfigException.check(rounds >= 1 && rounds <= 20, "--rounds must be in 1..20, got "
                + rounds);
        mode = PrecisionOption.parse(precision);
        int n = threads != null ? threads : Torch.defaultThreads();
        Torch.init(n);
        // first, so that a Python that cannot run is reported before minutes of measuring
        BlasCore.Choice core = python.noPython ? null : BlasCore.choose(python.python);
        Map<String, Object> jgan = measureJgan(n);
        List<PyRun> py = new ArrayList<>();
        if (!python.noPython) {
            // PyTorch's best configuration differs by machine: OpenBLAS threads on top of OpenMP oversubscribe the
            // cores, and OpenMP's spinning waits cost on a shared machine; measure each, compare with the best.
            if (!core.env().isEmpty()) {
                // as installed, for the record; the settings below give its OpenBLAS this CPU's vector width
                py.add(runPython(n, Map.of(), Map.of(), Precision.FLOAT32,
                        "(as installed: " + core.found() + " kernels)"));
            }
            for (Map<String, String> threading : List.of(Map.<String, String>of(), Map.of("OPENBLAS_NUM_THREADS",
                    "1"), Map.of("OMP_WAIT_POLICY", "PASSIVE"), Map.of("OPENBLAS_NUM_THREADS", "1",
                    "OMP_WAIT_POLICY", "PASSIVE"))) {
                py.add(runPython(n, threading, core.env(), Precision.FLOAT32, null));
                if (mode == Precision.BFLOAT16) {
                    py.add(runPython(n, threading, core.env(), Precision.BFLOAT16, null));
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("threads", n);
        out.put("batch", batch);
        out.put("precision", mode.label());
        out.put("jgan", jgan);
        out.put("pytorch", py.stream().map(PyRun::result).toList());
        System.out.printf("DCGAN, batch %d, %d threads, median of %d steps after %d warm-up; CPU: %s%n", batch, n,
                steps, warmup, CpuInfo.model());
        // PyTorch inherits this process's environment, so both run on the same allocator settings
        System.out.println("native allocator (both): " + org.jgan.engine.NativeAllocator.describe());
        out.put("allocator_tuned", org.jgan.engine.NativeAllocator.tuned());
        if (core != null) {
            System.out.println("PyTorch's BLAS: " + core.note());
            out.put("pytorch_blas", core.note());
        }
        System.out.printf("%-66s %10s %12s %12s%n", "", "ms/step", "train img/s", "gen img/s");
        print("jgan (libtorch " + Torch.libtorchVersion() + ", " + mode.label() + ")", jgan);
        PyRun best = null;
        PyRun bestGen = null;
        for (PyRun p : py) {
            print("PyTorch " + p.result().get("torch") + " " + p.result().get("label"), p.result());
            if (best == null || d(p.result(), "train_img_s") > d(best.result(), "train_img_s")) {
                best = p;
            }
            // generation has its own best setting: one thread of OpenBLAS can win training and lose generation
            if (bestGen == null || d(p.result(), "gen_img_s") > d(bestGen.result(), "gen_img_s")) {
                bestGen = p;
            }
        }
        double[][] med = rounds(n, jgan, best, bestGen, out);
        double gflops = STEP_GFLOP_AT_64 * batch / 64.0 / (med[0][0] / 1000);
        double peak = CpuInfo.fp32PeakGflops(n);
        System.out.printf("jgan achieved %.1f GFLOP/s in training (counting %.1f GFLOP per step at batch 64)%s%n",
                gflops, STEP_GFLOP_AT_64, peak > 0 ? String.format(", %.0f%% of an assumed FP32 peak of %.0f GFLOP/s "
                        + "(%s)%s", 100 * gflops / peak, peak, CpuInfo.peakAssumption(n), mode == Precision.BFLOAT16
                        ? String.format(", %.0f%% of a bfloat16 peak of %.0f (vdpbf16ps: two multiply-adds per FP32 "
                        + "lane)", 50 * gflops / peak, 2 * peak) : "") : "");
        double ceiling = ConvCeiling.gflops();
        System.out.printf("measured ceiling: a 256 -> 256 3x3 convolution (%.1f GFLOP) at %.0f GFLOP/s here; jgan's "
                + "training step at %.0f%% of it%n", ConvCeiling.GFLOP, ceiling, 100 * gflops / ceiling);
        out.put("conv_ceiling_gflops", ceiling);
        if (mode != Precision.FLOAT32) {
            double mixed = ConvCeiling.gflops(mode);
            System.out.printf("the same convolution in %s: %.0f GFLOP/s; jgan's training step at %.0f%% of it%n",
                    mode.label(), mixed, 100 * gflops / mixed);
            out.put("conv_ceiling_gflops_" + mode.label(), mixed);
        }
        out.put("jgan_gflops", gflops);
        out.put("cpu", CpuInfo.model());
        out.put("fp32_peak_gflops", peak);
        if (best != null) {
            // the medians over the rounds of ms/step and of generated images/s
            double tr = med[1][0] / med[0][0];
            double gen = med[0][1] / med[1][1];
            System.out.printf("ratio jgan / best PyTorch: training %.2fx, generation %.2fx%s%n", tr, gen,
                    rounds > 1 ? " (medians of " + rounds + " rounds)" : "");
            out.put("ratio_train", tr);
            out.put("ratio_gen", gen);
        }
        if (json != null) {
            AtomicFiles.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        }
        return 0;
    }

    /**
     * Rounds 2.. of jgan against PyTorch's best settings for training and for generation, alternating, as the
     * machine's speed drifts between runs minutes apart; returns the medians {jgan, PyTorch} x {ms/step, gen img/s}.
     */
    private double[][] rounds(int n, Map<String, Object> jgan, PyRun best, PyRun bestGen, Map<String, Object> out)
            throws IOException, InterruptedException {
        double[][] x = new double[4][rounds];
        x[0][0] = d(jgan, "step_ms_median");
        x[1][0] = d(jgan, "gen_img_s");
        x[2][0] = best == null ? Double.NaN : d(best.result(), "step_ms_median");
        x[3][0] = bestGen == null ? Double.NaN : d(bestGen.result(), "gen_img_s");
        for (int r = 1; r < rounds; r++) {
            Map<String, Object> j = measureJgan(n);
            x[0][r] = d(j, "step_ms_median");
            x[1][r] = d(j, "gen_img_s");
            String pytorch = "";
            if (best != null) {
                Map<String, Object> p = best.again(this, n);
                x[2][r] = d(p, "step_ms_median");
                x[3][r] = bestGen == best ? d(p, "gen_img_s") : d(bestGen.again(this, n), "gen_img_s");
                pytorch = String.format("; PyTorch's best %.1f ms/step, %.0f gen img/s", x[2][r], x[3][r]);
            }
            System.out.printf("round %d: jgan %.1f ms/step, %.0f gen img/s%s%n", r + 1, x[0][r], x[1][r], pytorch);
        }
        List<Map<String, Double>> all = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("jgan_step_ms", x[0][r]);
            m.put("jgan_gen_img_s", x[1][r]);
            if (best != null) {
                m.put("pytorch_step_ms", x[2][r]);
                m.put("pytorch_gen_img_s", x[3][r]);
            }
            all.add(m);
        }
        out.put("rounds", all);
        return new double[][]{{median(x[0]), median(x[1])}, {median(x[2]), median(x[3])}};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private void print(String name, Map<String, Object> m) {
        System.out.printf("%-66s %10.1f %12.0f %12.0f%n", name, d(m, "step_ms_median"), d(m, "train_img_s"),
                d(m, "gen_img_s"));
    }

    private static double d(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    private Map<String, Object> measureJgan(int n) throws IOException {
        Path tmp = Files.createTempDirectory("jgan-bench");
        TrainConfig cfg = TrainConfig.dcganFashionMnist();
        cfg = cfg.withModel(cfg.model().withPrecision(mode))
                .withData(new org.jgan.core.config.DataConfig("synthetic", batch, true, 0))
                .withSchedule(new org.jgan.core.config.ScheduleConfig(0, warmup + steps, 1_000_000, 1_000_000,
                        1_000_000, 1, 16));
        long[] stamps = new long[warmup + steps + 1];
        double genImgPerS;
        try (Trainer t = new Trainer(Variants.byName("dcgan"), cfg,
                SyntheticData.shapes(batch * 4, 28, 1), tmp)) {
            stamps[0] = System.nanoTime();
            t.run(new TrainListener() {
                @Override
                public void stepDone(TrainState s, Map<String, Double> stats) {
                    stamps[(int) s.step()] = System.nanoTime();
                }
            });
            // batches of 1000 latents of 100 (the dcgan preset's), median of 5 after one untimed, no truncation
            genImgPerS = 1000 / (StepTimes.generation(t.players().generator(), 100, 1000, 5, 1.0, mode).wallMs()
                    / 1000);
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
        double[] ms = new double[steps];
        for (int i = 0; i < steps; i++) {
            ms[i] = (stamps[warmup + i + 1] - stamps[warmup + i]) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[steps / 2];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step_ms_median", median);
        m.put("train_img_s", batch / (median / 1000));
        m.put("gen_img_s", genImgPerS);
        return m;
    }

    /** One PyTorch measurement and the environment it ran in, so that a round can run it again. */
    private record PyRun(Map<String, String> threading, Map<String, String> blas, Precision precision,
                         Map<String, Object> result) {
        Map<String, Object> again(BenchCommand b, int n) throws IOException, InterruptedException {
            return b.runPython(n, threading, blas, precision, null).result();
        }
    }

    /**
     * PyTorch with the {@code threading} settings, plus {@code blas} (named once, above the table), in float32 or
     * under autocast to bfloat16.
     */
    private PyRun runPython(int n, Map<String, String> threading, Map<String, String> blas, Precision p, String label)
            throws IOException, InterruptedException {
        Map<String, String> env = new java.util.TreeMap<>(threading);
        env.putAll(blas);
        JsonNode j = python.run("/bench/dcgan_bench.py", env, n, batch, steps, warmup, 1000, 5, p.label());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("torch", j.get("torch").asText());
        m.put("env", env.isEmpty() ? "(defaults)" : env.toString().replaceAll("[{}]", ""));
        String name = label != null ? label : threading.isEmpty() ? "(defaults)"
                : new java.util.TreeMap<>(threading).toString().replaceAll("[{}]", "");
        m.put("label", p == Precision.BFLOAT16 ? name + ", autocast bfloat16" : name);
        m.put("precision", p.label());
        m.put("step_ms_median", j.get("step_ms_median").asDouble());
        m.put("train_img_s", j.get("train_img_s").asDouble());
        m.put("gen_img_s", j.get("gen_img_s").asDouble());
        return new PyRun(threading, blas, p, m);
    }
}
