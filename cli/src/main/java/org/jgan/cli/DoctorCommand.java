package org.jgan.cli;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.config.Presets;
import org.jgan.core.data.DataSources;
import org.jgan.engine.ConvRoute;
import org.jgan.engine.ConvSpec;
import org.jgan.engine.Convolutions;
import org.jgan.engine.CpuInfo;
import org.jgan.engine.NumericsException;
import org.jgan.engine.Precision;
import org.jgan.engine.StepScope;
import org.jgan.engine.Torch;
import org.jgan.models.ModelNumerics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jgan doctor}: loads libtorch, runs one small computation, reports the environment and checks every
 * convolution configuration of the shipped presets against float64, so a broken native set-up or a CPU on which a
 * kernel computes wrong numbers shows up as one clear line instead of NaN in the middle of training.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the native libraries, threads, data sets and the numerics of every shipped model's "
                + "convolutions on this CPU, and print versions.")
public final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--no-numerics", description = "Skip the convolution self-check (only load libtorch).")
    boolean noNumerics;

    @Option(names = "--precision", defaultValue = "float32", description = "Check the presets' convolutions as "
            + "model.precision float32 or bfloat16 runs them (default: ${DEFAULT-VALUE}).")
    String precision;

    @Override
    public Integer call() {
        Precision mode = PrecisionOption.parse(precision);
        long t0 = System.nanoTime();
        Torch.init();
        double sum;
        try (StepScope s = StepScope.open()) {
            Tensor a = torch.ones(64, 64);
            sum = a.matmul(a).sum().item_double();
        }
        if (sum != 64.0 * 64 * 64) {
            System.out.println("libtorch: FAILED (a 64x64 matmul of ones summed to " + sum + ")");
            return 1;
        }
        System.out.printf("libtorch %s via JavaCPP %s: ok (loaded in %.1f s)%n", Torch.libtorchVersion(),
                Torch.javacppVersion(), (System.nanoTime() - t0) / 1e9);
        System.out.println("JavaCPP cache: " + System.getProperty("org.bytedeco.javacpp.cachedir",
                System.getProperty("user.home") + "/.javacpp/cache"));
        System.out.println("threads: " + Torch.threads() + " intra-op, 1 inter-op, OpenBLAS 1");
        System.out.println("java: " + System.getProperty("java.version"));
        var fm = DataSources.fashionMnistDir();
        System.out.println("fashion-mnist: " + (Files.isDirectory(fm) ? "ok (" + fm + ")"
                : "missing; apt-get install dataset-fashion-mnist"));
        System.out.println("CPU: " + CpuInfo.model() + "; oneDNN vector ISA: " + CpuInfo.vectorIsa()
                + "; bfloat16 instructions: " + (Precision.BFLOAT16.availableHere() ? "yes" : "no"));
        System.out.println("native allocator: " + org.jgan.engine.NativeAllocator.describe());
        String refused = org.jgan.engine.Convolutions.provenRoutes()
                ? org.jgan.engine.Convolutions.provenRoutesRefused() : "";
        System.out.println("convolution routes: " + (org.jgan.engine.Convolutions.provenRoutes()
                ? "proven (off the block, oneDNN where it passes its check under autograd)"
                        + (refused.isEmpty() ? "" : "; refused: " + refused)
                : "block rule (JGAN_CONVOLUTION_ROUTE=proven: oneDNN off the block where it passes its check)"));
        return noNumerics ? 0 : numerics(mode);
    }

    private static int numerics(Precision mode) {
        long t0 = System.nanoTime();
        List<Convolutions.Entry> routes;
        List<String> checked = new java.util.ArrayList<>();
        List<String> skipped = new java.util.ArrayList<>();
        try {
            for (String preset : Presets.names()) {
                if (ModelNumerics.appliesTo(preset)) {
                    ModelNumerics.check(preset, mode);
                    checked.add(preset);
                } else {
                    skipped.add(preset);
                }
            }
            routes = Convolutions.routes();
        } catch (NumericsException e) {
            System.out.println("convolutions: FAILED: " + e.getMessage());
            return 1;
        }
        System.out.printf("convolutions of the %d image presets in %s, each checked against float64 (forward, "
                + "backward-data, backward-weights, double backward; %d runs bit-identical)%s:%n", checked.size(),
                mode.label(), 3, skipped.isEmpty() ? "" : "; " + String.join(", ", skipped)
                        + " have none (tables, series)");
        System.out.printf("  %-44s %-13s %-8s %-10s %-8s %-9s %s%n", "configuration", "input NxHxW", "use", "path",
                "computes", "max error", "note");
        int moved = 0;
        int kept = 0;
        for (Convolutions.Entry e : routes) {
            String err = e.result() == null ? "unchecked" : String.format("%.1e", e.result().error());
            System.out.printf("  %-44s %-13s %-9s %-10s %-8s %-9s %s%n", e.spec().key(),
                    e.input()[0] + "x" + e.input()[2] + "x" + e.input()[3], e.use().label(),
                    e.route().label(), e.precision().label(), err, e.note().isEmpty() && e.route() == ConvRoute.IM2COL
                            ? (e.spec().blockAligned() ? "batch" : "channels") + " off the block of " + ConvSpec.BLOCK
                            : e.note().isEmpty() && e.route() == ConvRoute.PADDED
                            ? "channels zero-padded to the block of " + ConvSpec.BLOCK : e.note());
            moved += e.note().startsWith("oneDNN failed its check:") ? 1 : 0;
            kept += e.note().startsWith("oneDNN failed its check in") ? 1 : 0;
        }
        System.out.printf("convolutions: ok (%d configurations, %d moved off oneDNN by their check%s; %.1f s)%n",
                routes.size(), moved, mode == Precision.FLOAT32 ? "" : ", " + kept + " kept on oneDNN in float32 by "
                        + "their " + mode.label() + " check", (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
