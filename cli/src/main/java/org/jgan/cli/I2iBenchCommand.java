package org.jgan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jgan.cli.report.ScalingChart;
import org.jgan.core.config.ConfigException;
import org.jgan.core.config.DataConfig;
import org.jgan.core.config.Presets;
import org.jgan.core.config.ScheduleConfig;
import org.jgan.core.config.TrainConfig;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.data.Pairing;
import org.jgan.core.data.SyntheticData;
import org.jgan.core.image.ImageGrid;
import org.jgan.core.train.AtomicFiles;
import org.jgan.core.train.Trainer;
import org.jgan.engine.CpuInfo;
import org.jgan.engine.Torch;
import org.jgan.models.Variants;
import org.jgan.models.cyclegan.CycleGan;
import org.jgan.models.srgan.Srgan;
import org.jgan.models.i2i.ImageToImageConfig;
import org.jgan.models.i2i.ImageToImageCost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan bench-i2i}: the training steps of the pix2pix, cyclegan and srgan presets (Isola et al. 2017; Zhu et
 * al. 2017; Ledig et al. 2017) at several image sizes, each against the same networks and step written in PyTorch
 * ({@code bench/i2i_bench.py}), with the FLOP per step counted from the architecture ({@link ImageToImageCost}) so that
 * the cost of a run at another size can be predicted. Times are process CPU milliseconds per step (median), which stay
 * comparable on a shared machine; the PyTorch script's own count of multiply-adds checks jgan's.
 */
@Command(name = "bench-i2i", mixinStandardHelpOptions = true,
        description = "Measure the pix2pix, cyclegan and srgan training steps against PyTorch at several image sizes.")
public final class I2iBenchCommand implements Callable<Integer> {
    static final List<String> MODELS = List.of("pix2pix", "cyclegan", "srgan");

    @Option(names = "--models", split = ",", defaultValue = "pix2pix,cyclegan,srgan",
            description = "Models to measure (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--sizes", split = ",", defaultValue = "32,64,128",
            description = "Image sides in pixels (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--batch", description = "Images per step for every model (default: each preset's: pix2pix "
            + "16, cyclegan 4, srgan 16).")
    Integer batch;

    @Option(names = "--channels", defaultValue = "3", description = "Channels of an image, 1 or 3 (default: "
            + "${DEFAULT-VALUE}; pix2pix and cyclegan see two such images per pair).")
    int channels;

    @Option(names = "--steps", defaultValue = "6", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "1", description = "Threads for both (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw CPU ms per step against GFLOP per "
            + "step, one line per model and framework.")
    Path plot;

    @Mixin
    PythonOptions python = new PythonOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One measured setting; the PyTorch figures are NaN without Python. */
    record Point(String model, int size, int batch, double gflop, StepTimes jgan, double pyWallMs, double pyCpuMs,
                 long params) {
    }

    @Override
    public Integer call() throws Exception {
        for (String m : models) {
            ConfigException.check(MODELS.contains(m), "--models: '" + m + "' is not one of " + MODELS);
        }
        for (int s : sizes) {
            ConfigException.check(s >= 16 && s <= 512 && Integer.bitCount(s) == 1, "--sizes: " + s
                    + " is not a power of two in 16..512 (the U-Net needs one)");
        }
        ConfigException.check(batch == null || batch >= 1 && batch <= 1024, "--batch must be in 1..1024, got "
                + batch);
        ConfigException.check(channels == 1 || channels == 3, "--channels must be 1 or 3, got " + channels);
        ConfigException.check(steps >= 1 && warmup >= 0, "--steps must be at least 1 and --warmup at least 0");
        Torch.init(threads);
        var out = spec.commandLine().getOut();
        double peak = CpuInfo.fp32PeakGflops(threads);
        BlasCore.Choice blas = python.noPython ? null : BlasCore.choose(python.python);
        out.printf("Image-to-image training steps, %d-channel images, %d thread(s), median of %d steps; GFLOP counted "
                + "from the architecture%n", channels, threads, steps);
        if (blas != null) {
            out.println("PyTorch's BLAS: " + blas.note());
        }
        out.printf("%-9s %5s %6s %8s %10s %10s %9s %8s %8s%n", "model", "size", "batch", "GFLOP", "jgan ms",
                "PyTorch ms", "jgan/PyT", "GFLOP/s", "of peak");
        List<Point> points = new ArrayList<>();
        for (String m : models) {
            for (int s : sizes) {
                Point p = measure(m, s, blas);
                points.add(p);
                double gflops = p.gflop() / (p.jgan().cpuMs() / 1000) * threads;
                out.printf("%-9s %5d %6d %8.2f %10.1f %10.1f %9.2f %8.1f %8s%n", m, s, p.batch(), p.gflop(),
                        p.jgan().cpuMs(), p.pyCpuMs(), p.jgan().cpuMs() / p.pyCpuMs(), gflops,
                        peak > 0 ? String.format("%.0f%%", 100 * gflops / peak) : "-");
                out.flush();
            }
        }
        out.println(StepTimes.legend(peak, threads));
        if (json != null) {
            writeJson(points, peak, blas);
        }
        if (plot != null) {
            List<ScalingChart.Curve> curves = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                String m = models.get(i);
                List<Point> ps = points.stream().filter(p -> p.model().equals(m)).toList();
                curves.add(new ScalingChart.Curve("jgan " + m, gflop(ps), ps.stream()
                        .mapToDouble(p -> p.jgan().cpuMs()).toArray(), i, false));
                if (!python.noPython) {
                    curves.add(new ScalingChart.Curve("PyTorch " + m, gflop(ps), ps.stream()
                            .mapToDouble(Point::pyCpuMs).toArray(), i, true));
                }
            }
            // the CPU is in the JSON and the printout; in the title it would not fit
            ImageGrid.writePng(ScalingChart.draw("Image-to-image steps, sides " + sizes + ", " + threads
                    + " thread(s)", curves), plot);
        }
        return 0;
    }

    /** jgan's step, then PyTorch's, for {@code model} at {@code size} pixels. */
    private Point measure(String model, int size, BlasCore.Choice blas) throws Exception {
        TrainConfig cfg = Presets.byName(model);
        int b = batch != null ? batch : cfg.data().batch();
        ImageToImageConfig c = ImageToImageConfig.of(cfg);
        int width = cfg.model().width();
        int blocks = switch (model) {
            case "cyclegan" -> CycleGan.blocks(cfg, size);
            case "srgan" -> Srgan.blocks(cfg);
            default -> 0;  // the U-Net's depth follows the size
        };
        double gflop = ImageToImageCost.stepFlop(model, size, channels, width, blocks, c.scale(), b) / 1e9;
        cfg = cfg.withData(new DataConfig("synthetic", b, true, 0))
                .withSchedule(new ScheduleConfig(0, warmup + steps, 1_000_000, 1_000_000, 1_000_000, 1, 16));
        StepTimes times;
        long params;
        Path tmp = Files.createTempDirectory("jgan-bench-i2i");
        try (Trainer t = new Trainer(Variants.byName(model), cfg, data(model, b * 2, size), tmp)) {
            params = StepTimes.parameters(t.players());
            times = StepTimes.run(t, warmup, steps);
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
        if (python.noPython) {
            return new Point(model, size, b, gflop, times, Double.NaN, Double.NaN, params);
        }
        Map<String, String> env = new TreeMap<>(blas.env());
        env.put("OPENBLAS_NUM_THREADS", "1");  // as jgan: OpenBLAS single-threaded inside torch's own threads
        JsonNode p = python.run("/bench/i2i_bench.py", env, model, threads, b, steps, warmup, width, size, channels,
                blocks, c.scale());
        var err = spec.commandLine().getErr();
        long pyParams = p.get("params_g").asLong() + p.get("params_d").asLong();
        if (pyParams != params) {
            err.printf("note: %s at size %d: PyTorch's networks have %d parameters, jgan's %d%n", model, size,
                    pyParams, params);
        }
        // PyTorch's hooks count what the layers really do; the formula must agree or the GFLOP column is wrong
        double pyFlop = ImageToImageCost.stepFlopFromMacs(model, p.get("macs_g").asDouble(),
                p.get("macs_d").asDouble(), b) / 1e9;
        if (Math.abs(pyFlop - gflop) > 1e-6 * gflop) {
            err.printf("note: %s at size %d: the architecture gives %.4f GFLOP per step, PyTorch's layers %.4f%n",
                    model, size, gflop, pyFlop);
        }
        return new Point(model, size, b, gflop, times, p.get("step_ms_median").asDouble(),
                p.get("cpu_ms_median").asDouble(), params);
    }

    /** {@code n} synthetic images (pairs for pix2pix and cyclegan) of {@code size} pixels and the chosen channels. */
    private ImageDataset data(String model, int n, int size) {
        ImageDataset shapes = SyntheticData.shapes(n, size, 1);
        boolean pairs = !model.equals("srgan");
        int c = pairs ? 2 * channels : channels;
        int per = size * size;
        byte[] px = new byte[n * c * per];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                // each channel another shape, so A and B differ
                System.arraycopy(shapes.pixels(), ((i + k) % n) * per, px, (i * c + k) * per, per);
            }
        }
        Pairing pairing = pairs ? new Pairing(channels, channels, model.equals("pix2pix")) : null;
        return new ImageDataset("synthetic-" + size, c, size, size, px, null, List.of(), pairing);
    }

    private void writeJson(List<Point> points, double peak, BlasCore.Choice blas) throws java.io.IOException {
        Map<String, Object> m = StepTimes.jsonHeader(threads, steps, peak, blas == null ? null : blas.note());
        m.put("channels", channels);
        m.put("points", points.stream().map(p -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", p.model());
            o.put("size", p.size());
            o.put("batch", p.batch());
            o.put("gflop", p.gflop());
            StepTimes.putTimes(o, p.jgan().wallMs(), p.jgan().cpuMs(), p.pyWallMs(), p.pyCpuMs());
            o.put("params", p.params());
            return o;
        }).toList());
        AtomicFiles.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(m));
    }

    private static double[] gflop(List<Point> ps) {
        return ps.stream().mapToDouble(Point::gflop).toArray();
    }
}
