package org.jgan.engine;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.global.torch;

/**
 * Loads libtorch from the Maven jars and configures its thread pools, exactly once per JVM.
 *
 * <p>Why the explicit extraction: on an empty JavaCPP cache, {@code Loader.load(torch.class)} extracts and loads
 * {@code libtorch.so} before {@code libtorch_cpu.so} is on disk, and the process dies with SIGSEGV in
 * {@code pthread_mutex_lock} (measured 3 of 3 cold starts, see docs/engine.md). Extracting every native file of
 * OpenBLAS and libtorch first, then loading, removes the race (0 crashes in 5 fresh caches, and {@code .ci/run}
 * proves it on every build with an empty cache directory).
 *
 * <p>Threads: OpenBLAS runs single-threaded inside libtorch's threads (see {@link #init(int)}). libtorch reads its thread settings once, at the first parallel op, so they are set here before any
 * other torch call. Inter-op parallelism is off (1) because a GAN step is a chain of dependent ops.
 */
public final class Torch {
    private static volatile boolean loaded;
    private static volatile int threads;

    private Torch() {
    }

    /** Loads libtorch with the thread count from {@code JGAN_THREADS} or the number of cores. */
    public static void init() {
        init(defaultThreads());
    }

    /**
     * Loads libtorch and sets {@code threads} intra-op threads. Later calls with another count only change the
     * intra-op count (libtorch allows that), never the inter-op pool.
     */
    public static synchronized void init(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (!loaded) {
            String platform = Loader.getPlatform();
            try {
                Loader.cacheResources(org.bytedeco.openblas.global.openblas.class,
                        "/org/bytedeco/openblas/" + platform + "/");
                Loader.cacheResources(torch.class, "/org/bytedeco/pytorch/" + platform + "/");
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not extract libtorch natives into the JavaCPP cache ("
                        + System.getProperty("org.bytedeco.javacpp.cachedir", "~/.javacpp/cache") + "): "
                        + e.getMessage(), e);
            }
            Loader.load(torch.class);
            torch.set_num_interop_threads(1);
            // libtorch calls OpenBLAS from inside its own OpenMP threads; an OpenBLAS thread pool on top
            // oversubscribes the cores. Measured with `jgan bench` on 2 cores: a DCGAN step takes 215 ms with
            // OpenBLAS threading and 115 ms without (PyTorch shows the same effect: 271 ms vs 182 ms).
            org.bytedeco.openblas.global.openblas.blas_set_num_threads(1);
            // NNPACK would take stride-1 convolutions of large batches; on CPUs its cpuinfo does not know (the
            // Zen 5 EPYC here) it prints "Could not initialize NNPACK! Reason: Unsupported hardware" to stderr and
            // libtorch falls back anyway. Off everywhere, so every CPU runs the same kernels (docs/engine.md).
            torch.globalContext().setUserEnabledNNPACK(false);
        }
        if (Torch.threads != threads) {
            torch.set_num_threads(threads);
            Torch.threads = threads;
        }
        // Published last: a thread that sees it loaded (ensureLoaded's unlocked check) also sees the thread count.
        loaded = true;
    }

    /**
     * Loads libtorch with the default thread count unless it is loaded already (then nothing changes). Idempotent and
     * thread-safe; the library's entry points (step scopes, trainers, loaded runs) call it, so a user never has to.
     */
    public static void ensureLoaded() {
        if (!loaded) {
            synchronized (Torch.class) {
                if (!loaded) {
                    init();
                }
            }
        }
    }

    /** Intra-op threads in use (0 before {@link #init}). */
    public static int threads() {
        return threads;
    }

    /** {@code JGAN_THREADS} when set, else the number of available processors. */
    public static int defaultThreads() {
        String env = System.getenv("JGAN_THREADS");
        if (env != null && !env.isBlank()) {
            try {
                int n = Integer.parseInt(env.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
            throw new IllegalArgumentException("JGAN_THREADS must be a whole number >= 1, got '" + env + "'");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Version of the libtorch build these bindings wrap, e.g. "2.10.0". */
    public static String libtorchVersion() {
        return versionOf(torch.class, "2.10.0-1.5.13").split("-")[0];
    }

    /** Version of JavaCPP in use, e.g. "1.5.13". */
    public static String javacppVersion() {
        return versionOf(Loader.class, "1.5.13");
    }

    private static String versionOf(Class<?> c, String fallback) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? fallback : v;
    }
}
