package org.jgan.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jgan.core.data.DataSources;
import org.jgan.engine.StepScope;
import org.jgan.engine.Torch;
import picocli.CommandLine.Command;

/**
 * {@code jgan doctor}: loads libtorch, runs one small computation and reports the environment, so a broken native set-up
 * shows up as one clear line instead of a crash in the middle of training.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the native libraries, threads and data sets, and print versions.")
public final class DoctorCommand implements Callable<Integer> {
    @Override
    public Integer call() {
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
        return 0;
    }
}
