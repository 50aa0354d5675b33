package org.jgan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.api.GanModel;
import org.jgan.api.Jgan;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.DataSources;
import org.jgan.core.data.ImageDataset;
import org.jgan.core.train.AtomicFiles;
import org.jgan.engine.CpuInfo;
import org.jgan.engine.Torch;
import org.jgan.metrics.features.ClassifierFeatures;
import org.jgan.metrics.npz.Npy;
import org.jgan.metrics.npz.Npz;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan bench-eval}: jgan's evaluation pipeline (generation, features, FID, KID, precision/recall, IS) timed
 * stage by stage against the same pipeline in PyTorch, with the same networks, weights, latents and real images.
 * The metrics of both sides are printed too: equal values show the two pipelines compute the same thing.
 */
@Command(name = "bench-eval", mixinStandardHelpOptions = true,
        description = "Time jgan's evaluation pipeline against the same pipeline in PyTorch, stage by stage.")
public final class EvalBenchCommand implements Callable<Integer> {
    /** The stages, in the order both sides run them. */
    static final List<String> STAGES = List.of("generate", "features_fake", "features_real", "fid", "kid",
            "precision_recall", "inception_score");

    @Option(names = "--run", defaultValue = "runs/demo",
            description = "A dcgan run to generate with (default: ${DEFAULT-VALUE}, which ./setup trains).")
    Path run;

    @Option(names = "--samples", defaultValue = "10000", description = "Generated images (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--reference", defaultValue = "fashion-mnist:test",
            description = "Real images (default: ${DEFAULT-VALUE}).")
    String reference;

    @Option(names = "--seed", defaultValue = "0", description = "Latent seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Threads for both (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Also write the results as JSON to this file.")
    Path json;

    @Mixin
    PythonOptions python = new PythonOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConfigException.check(samples >= 1000 && samples <= 1_000_000, "--samples must be in 1000..1000000 (KID "
                + "draws subsets of 1,000), got " + samples);
        int n = threads != null ? threads : Torch.defaultThreads();
        Torch.init(n);
        var out = spec.commandLine().getOut();
        // first, so that a Python that cannot run is reported before the jgan side is measured
        BlasCore.Choice core = python.noPython ? null : BlasCore.choose(python.python);
        Path tmp = Files.createTempDirectory("jgan-bench-eval");
        try (GanModel model = Jgan.load(run)) {
            ConfigException.check("dcgan".equals(model.config().model().name()), run + " is a "
                    + model.config().model().name() + " run; bench-eval rebuilds the networks in PyTorch and knows "
                    + "the dcgan generator only");
            ImageDataset real = DataSources.open(reference);
            ConfigException.check(real.channels() == model.shape().channels() && real.height()
                    == model.shape().height() && real.width() == model.shape().width(), reference + " holds "
                    + real.channels() + "x" + real.height() + "x" + real.width() + " images, the run makes "
                    + model.shape().channels() + "x" + model.shape().height() + "x" + model.shape().width()
                    + " ones");
            Map<String, Object> jgan;
            try (ClassifierFeatures fx = ClassifierFeatures.builtin()) {
                EvalPipeline pipeline = new EvalPipeline(model, fx, real, seed);
                // untimed first pass: the JVM's compilation and the convolutions' first-use checks
                pipeline.run(Math.min(2000, samples));
                jgan = pipeline.run(samples);
                if (!python.noPython) {
                    Map<String, org.jgan.metrics.npz.NpyArray> export = new LinkedHashMap<>();
                    EvalPipeline.putWeights(export, "g.", model.generator().generator());
                    EvalPipeline.putWeights(export, "c.", fx.net());
                    export.put("z", pipeline.latents(samples));
                    Npz.write(tmp.resolve("export.npz"), export, true);
                    Npy.writeUint8(tmp.resolve("real.npy"), new long[]{real.size(), real.channels(), real.height(),
                            real.width()}, real.pixels());
                }
            }
            Map<String, Object> py = null;
            if (!python.noPython) {
                out.println("PyTorch's BLAS: " + core.note());
                // PyTorch's best of its OpenBLAS thread settings, as `bench` does
                for (Map<String, String> threading : List.of(Map.<String, String>of(),
                        Map.of("OPENBLAS_NUM_THREADS", "1"))) {
                    Map<String, String> env = new java.util.TreeMap<>(core.env());
                    env.putAll(threading);
                    JsonNode j = python.run("/bench/eval_bench.py", env, tmp.resolve("export.npz"),
                            tmp.resolve("real.npy"), n, EvalPipeline.BATCH, seed);
                    Map<String, Object> m = new ObjectMapper().convertValue(j, Map.class);
                    m.put("env", threading.isEmpty() ? "(defaults)" : threading.toString().replaceAll("[{}]", ""));
                    if (py == null || ((Number) m.get("total")).doubleValue()
                            < ((Number) py.get("total")).doubleValue()) {
                        py = m;
                    }
                }
            }
            report(out, n, jgan, py);
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private void report(java.io.PrintWriter out, int n, Map<String, Object> jgan, Map<String, Object> py)
            throws java.io.IOException {
        out.printf("Evaluation of %d samples of %s against %s, %d threads; CPU: %s%n", samples, run, reference, n,
                CpuInfo.model());
        out.println("native allocator (both): " + org.jgan.engine.NativeAllocator.describe());
        if (py != null) {
            out.println("PyTorch " + py.get("torch") + ", its faster setting: " + py.get("env"));
        }
        out.printf("%-18s %10s %12s %8s%n", "stage", "jgan s", "PyTorch s", "ratio");
        Map<String, Double> js = (Map<String, Double>) jgan.get("seconds");
        Map<String, Number> ps = py == null ? null : (Map<String, Number>) py.get("seconds");
        for (String s : STAGES) {
            double p = ps == null ? Double.NaN : ps.get(s).doubleValue();
            out.printf("%-18s %10.3f %12.3f %8s%n", s, js.get(s), p, ps == null ? "-"
                    : String.format("%.2fx", p / js.get(s)));
        }
        double pt = py == null ? Double.NaN : ((Number) py.get("total")).doubleValue();
        double jt = (Double) jgan.get("total");
        out.printf("%-18s %10.3f %12.3f %8s%n", "total", jt, pt, py == null ? "-" : String.format("%.2fx", pt / jt));
        for (String m : List.of("fid", "kid", "precision", "recall", "inception_score")) {
            out.printf("%-18s %10.5g %12.5g%n", m, ((Number) jgan.get(m)).doubleValue(),
                    py == null ? Double.NaN : ((Number) py.get(m)).doubleValue());
        }
        out.println("ratio: PyTorch's seconds over jgan's (above 1: jgan is faster); wall-clock per stage");
        if (json != null) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("cpu", CpuInfo.model());
            all.put("threads", n);
            all.put("samples", samples);
            all.put("run", run.toString());
            all.put("jgan", jgan);
            all.put("pytorch", py);
            if (py != null) {
                all.put("ratio_total", pt / jt);
            }
            AtomicFiles.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(all));
        }
    }
}
