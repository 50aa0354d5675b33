package org.jgan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.cli.report.ScalingChart;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.ConfigJson;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.nn.MinibatchStd;
import org.jgan.core.train.AtomicFiles;
import org.jgan.core.train.Trainer;
import org.jgan.engine.CpuInfo;
import org.jgan.engine.Precision;
import org.jgan.engine.Torch;
import org.jgan.models.Variants;
import org.jgan.models.stylegan2.StyleGan2Config;
import org.jgan.models.stylegan2.StyleGan2Cost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan bench-stylegan2}: the StyleGAN2 training step of the stylegan2 preset (Karras et al. 2020, scaled down)
 * against the same networks and step written in PyTorch ({@code bench/stylegan2_bench.py}), one after the other, at
 * one image size and batch or, with {@code --sweep}, over sizes and batches, with the FLOP per step counted from the
 * architecture ({@link StyleGan2Cost}) so that the cost of a run can be predicted; then generation as {@code jgan
 * sample} runs it (eval mode, no gradients, the mapping network with truncation, the fixed noise) against the same in
 * PyTorch. Besides wall time it reports process CPU time, which stays comparable on a machine shared with other jobs,
 * where wall time mostly measures the neighbours.
 */
@Command(name = "bench-stylegan2", mixinStandardHelpOptions = true,
        description = "Measure the StyleGAN2 training step (stylegan2 preset) against PyTorch, at one size or a sweep.")
public final class StyleGan2BenchCommand implements Callable<Integer> {
    /** The sweep: sizes 28 (32x32 networks), 64 and 128 at batch 32, and batches 8 to 128 at size 28. */
    static final int[][] SWEEP = {{28, 32}, {64, 32}, {128, 32}, {28, 8}, {28, 16}, {28, 64}, {28, 128}};
    /** The truncation of the generation timing, a common sampling setting (stylegan2-ada-pytorch examples: 0.7). */
    static final double PSI = 0.7;

    @Option(names = "--steps", defaultValue = "32", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "1", description = "Threads for both (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--width", defaultValue = "64", description = "model.width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--size", defaultValue = "28", description = "Side of the (synthetic) training images; the "
            + "networks work at the next power of two (default: ${DEFAULT-VALUE}, 32x32 networks).")
    int size;

    @Option(names = "--batch", defaultValue = "32", description = "Images per step (default: ${DEFAULT-VALUE}, as "
            + "the published figures; the preset trains at 16).")
    int batch;

    @Option(names = "--gen-batch", defaultValue = "256", description = "Images per generated batch "
            + "(default: ${DEFAULT-VALUE}).")
    int genBatch;

    @Option(names = "--gen-reps", defaultValue = "5", description = "Timed generated batches after one untimed; 0 "
            + "skips generation (default: ${DEFAULT-VALUE}).")
    int genReps;

    @Option(names = "--precision", defaultValue = "float32", description = "model.precision of jgan's networks: "
            + "float32 or bfloat16; with bfloat16 PyTorch runs under CPU autocast to bfloat16 too, as well as in "
            + "float32, and the faster counts (default: ${DEFAULT-VALUE}).")
    String precision;

    /** {@link #precision}, parsed once in {@link #call}. */
    private Precision mode;

    @Option(names = "--sweep", description = "Measure every size and batch of the sweep (28, 64, 128 at batch 32; "
            + "batches 8, 16, 64, 128 at 28) instead of one.")
    boolean sweep;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw CPU ms per step against GFLOP per "
            + "step (with --sweep).")
    Path plot;

    @Mixin
    PythonOptions python = new PythonOptions();

    private BlasCore.Choice blas;

    /** No measurement (without Python, or with {@code --gen-reps 0}). */
    private static final StepTimes NONE = new StepTimes(Double.NaN, Double.NaN);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One measured setting; the PyTorch figures are NaN without Python. */
    record Point(int size, int resolution, int batch, double gflop, double wallMs, double cpuMs, double pyWallMs,
                 double pyCpuMs, long params, StepTimes gen, StepTimes pyGen, String pyLayouts) {
    }

    @Override
    public Integer call() throws Exception {
        ConfigException.check(size >= 4 && size <= 256, "--size must be in 4..256 pixels, got " + size);
        ConfigException.check(batch >= 1 && batch <= 4096, "--batch must be in 1..4096, got " + batch);
        ConfigException.check(steps >= 1 && warmup >= 0, "--steps must be at least 1 and --warmup at least 0");
        ConfigException.check(genBatch >= 1 && genBatch <= 4096, "--gen-batch must be in 1..4096, got " + genBatch);
        ConfigException.check(genReps >= 0 && genReps <= 1000, "--gen-reps must be in 0..1000, got " + genReps);
        ConfigException.check(plot == null || sweep, "--plot draws a sweep: add --sweep");
        mode = PrecisionOption.parse(precision);
        var parsed = spec.commandLine().getParseResult();
        ConfigException.check(!sweep || !parsed.hasMatchedOption("--size") && !parsed.hasMatchedOption("--batch"),
                "--sweep measures its own sizes and batches: leave out --size and --batch");
        Torch.init(threads);
        var out = spec.commandLine().getOut();
        double peak = CpuInfo.fp32PeakGflops(threads);
        out.printf("StyleGAN2 training step, width %d, %d thread(s), median of %d steps, jgan in %s; GFLOP counted "
                + "from the architecture, steps without R1%n", width, threads, steps, mode.label());
        // PyTorch inherits this process's environment, so both run on the same allocator settings
        out.println("native allocator (both): " + org.jgan.engine.NativeAllocator.describe());
        if (!python.noPython) {
            out.println("PyTorch's BLAS: " + blasCore().note());
        }
        out.printf("%5s %5s %6s %8s %10s %10s %11s %8s %10s%n", "size", "net", "batch", "GFLOP", "jgan ms",
                "PyTorch ms", "jgan/PyT", "GFLOP/s", "of peak");
        List<Point> points = new ArrayList<>();
        for (int[] c : sweep ? SWEEP : new int[][]{{size, batch}}) {
            Point p = measure(c[0], c[1]);
            points.add(p);
            double gflops = p.gflop() / (p.cpuMs() / 1000) * threads;
            out.printf("%5d %5d %6d %8.2f %10.1f %10.1f %11.2f %8.1f %10s%n", p.size(), p.resolution(), p.batch(),
                    p.gflop(), p.cpuMs(), p.pyCpuMs(), p.cpuMs() / p.pyCpuMs(), gflops,
                    peak > 0 ? String.format("%.0f%%", 100 * gflops / peak) : "-");
            out.flush();
        }
        out.println(StepTimes.legend(peak, threads));
        if (!python.noPython) {
            out.println("PyTorch timed in both memory layouts (NCHW, channels-last)" + (mode == Precision.BFLOAT16
                    ? ", each also under autocast to bfloat16" : "") + ", each figure the fastest's: "
                    + String.join("; ", points.stream().map(p -> (points.size() > 1 ? "size " + p.size() + " batch "
                    + p.batch() + ": " : "") + p.pyLayouts()).toList()));
        }
        if (genReps > 0) {
            out.printf("Generation (eval, truncation psi %.1f, fixed noise), batches of %d, median of %d; CPU ms per "
                    + "batch%n", PSI, genBatch, genReps);
            out.printf("%5s %5s %10s %10s %9s %11s %11s%n", "size", "net", "jgan ms", "PyTorch ms", "speed-up",
                    "jgan img/s", "PyT img/s");
            for (Point p : points) {
                out.printf("%5d %5d %10.1f %10.1f %8.2fx %11.0f %11.0f%n", p.size(), p.resolution(), p.gen().cpuMs(),
                        p.pyGen().cpuMs(), p.pyGen().cpuMs() / p.gen().cpuMs(), genBatch / p.gen().wallMs() * 1000,
                        genBatch / p.pyGen().wallMs() * 1000);
            }
            out.println("speed-up above 1: jgan is faster; img/s by wall time");
        }
        double ceiling = ConvCeiling.gflops();
        out.printf("Measured ceiling: a 256 -> 256 3x3 convolution at %.0f GFLOP/s on %d thread(s)%n", ceiling,
                threads);
        Double mixedCeiling = null;
        if (mode != Precision.FLOAT32) {
            mixedCeiling = ConvCeiling.gflops(mode);
            out.printf("the same convolution in %s: %.0f GFLOP/s%n", mode.label(), mixedCeiling);
        }
        if (json != null) {
            Map<String, Object> m = StepTimes.jsonHeader(threads, steps, peak,
                    python.noPython ? null : blasCore().note());
            m.put("conv_ceiling_gflops", ceiling);
            m.put("precision", mode.label());
            if (mixedCeiling != null) {
                m.put("conv_ceiling_gflops_" + mode.label(), mixedCeiling);
            }
            m.put("width", width);
            m.put("allocator_tuned", org.jgan.engine.NativeAllocator.tuned());
            m.put("points", points.stream().map(p -> {
                Map<String, Object> o = new java.util.LinkedHashMap<>();
                o.put("size", p.size());
                o.put("resolution", p.resolution());
                o.put("batch", p.batch());
                o.put("gflop", p.gflop());
                StepTimes.putTimes(o, p.wallMs(), p.cpuMs(), p.pyWallMs(), p.pyCpuMs());
                o.put("params", p.params());
                if (p.pyLayouts() != null) {
                    o.put("pytorch_memory_format", p.pyLayouts());
                }
                if (genReps > 0) {
                    Map<String, Object> g = new java.util.LinkedHashMap<>();
                    g.put("batch", genBatch);
                    g.put("psi", PSI);
                    StepTimes.putTimes(g, p.gen().wallMs(), p.gen().cpuMs(), p.pyGen().wallMs(), p.pyGen().cpuMs());
                    o.put("generation", g);
                }
                return o;
            }).toList());
            AtomicFiles.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(m));
        }
        if (plot != null) {
            List<ScalingChart.Curve> curves = new ArrayList<>();
            // each curve left to right
            var byFlop = java.util.Comparator.comparingDouble(Point::gflop);
            List<Point> sizes = points.stream().filter(p -> p.batch() == 32).sorted(byFlop).toList();
            List<Point> batches = points.stream().filter(p -> p.size() == 28).sorted(byFlop).toList();
            String jg = "jgan";
            curves.add(curve(jg + ", sizes 28-128 at batch 32", sizes, false, 0, false));
            curves.add(curve(jg + ", batches 8-128 at 28x28", batches, false, 0, true));
            if (!python.noPython) {
                curves.add(curve("PyTorch, sizes", sizes, true, 1, false));
                curves.add(curve("PyTorch, batches", batches, true, 1, true));
            }
            ImageGrid.writePng(ScalingChart.draw("StyleGAN2 step, " + threads + " thread(s), " + CpuInfo.model(),
                    curves), plot);
        }
        return 0;
    }

    /** jgan's step, then PyTorch's, at {@code size} pixels and {@code batch} images. */
    private Point measure(int size, int batch) throws Exception {
        // the paper's mapping depth and minibatch std groups, as bench/stylegan2_bench.py builds them, whatever the
        // preset trains with
        TrainConfig cfg = ConfigJson.withOverrides(Presets.byName("stylegan2"), List.of("model.width=" + width,
                "stylegan2.mappingLayers=" + StyleGan2Config.PAPER_MAPPING_LAYERS,
                "stylegan2.mbstdGroup=" + MinibatchStd.PAPER_GROUP, "model.precision=" + mode.label()),
                TrainConfig.class);
        StyleGan2Config sg = StyleGan2Config.SECTION.of(cfg);
        int resolution = StyleGan2Cost.networkSide(size);
        double gflop = StyleGan2Cost.stepFlop(resolution, width, cfg.model().latentDim(), 1,
                sg.styleMixing(), 0, batch) / 1e9;
        cfg = cfg.withData(new DataConfig("synthetic", batch, true, 0))
                .withSchedule(new ScheduleConfig(0, warmup + steps, 1_000_000, 1_000_000, 1_000_000, 1, 16));
        StepTimes times;
        StepTimes gen;
        long params;
        Path tmp = Files.createTempDirectory("jgan-bench-sg2");
        try (Trainer t = new Trainer(Variants.byName("stylegan2"), cfg, SyntheticData.shapes(batch * 4, size, 1),
                tmp)) {
            params = StepTimes.parameters(t.players());
            times = StepTimes.run(t, warmup, steps);
            gen = genReps > 0 ? StepTimes.generation(t.players().generator(),
                    cfg.model().latentDim(), genBatch, genReps, PSI, mode) : NONE;
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
        double pyWall = Double.NaN;
        double pyCpu = Double.NaN;
        StepTimes pyGen = NONE;
        String pyLayouts = null;
        if (!python.noPython) {
            // as jgan: OpenBLAS single-threaded inside torch's own threads
            Map<String, String> env = new java.util.TreeMap<>(blasCore().env());
            env.put("OPENBLAS_NUM_THREADS", "1");
            env.put("JGAN_BENCH_PRECISION", cfg.model().precision());
            JsonNode p = python.run("/bench/stylegan2_bench.py", env, threads, batch, steps, warmup, width, size,
                    genBatch, genReps);
            pyWall = p.get("step_ms_median").asDouble();
            pyCpu = p.get("cpu_ms_median").asDouble();
            if (genReps > 0) {
                pyGen = new StepTimes(p.get("gen_wall_ms_median").asDouble(), p.get("gen_cpu_ms_median").asDouble());
            }
            pyLayouts = "training " + p.path("memory_format").asText("?")
                    + (genReps > 0 ? ", generation " + p.path("gen_memory_format").asText("?") : "");
            long pyParams = p.get("params_g").asLong() + p.get("params_d").asLong();
            if (pyParams != params) {
                spec.commandLine().getErr().printf("note: at size %d PyTorch's networks have %d parameters, jgan's "
                        + "%d: they differ%n", size, pyParams, params);
            }
        }
        return new Point(size, resolution, batch, gflop, times.wallMs(), times.cpuMs(), pyWall, pyCpu, params, gen,
                pyGen, pyLayouts);
    }

    /** PyTorch's OpenBLAS kernels, probed once. */
    private BlasCore.Choice blasCore() throws java.io.IOException, InterruptedException {
        if (blas == null) {
            blas = BlasCore.choose(python.python);
        }
        return blas;
    }

    private static ScalingChart.Curve curve(String name, List<Point> ps, boolean pytorch, int colour,
                                            boolean dashed) {
        return new ScalingChart.Curve(name, ps.stream().mapToDouble(Point::gflop).toArray(),
                ps.stream().mapToDouble(p -> pytorch ? p.pyCpuMs() : p.cpuMs()).toArray(), colour, dashed);
    }
}
