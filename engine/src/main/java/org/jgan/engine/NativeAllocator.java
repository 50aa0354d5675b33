package org.jgan.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether glibc's malloc, which libtorch's CPU tensors come from, is tuned to keep and reuse freed memory. With glibc's
 * defaults every tensor above the mmap threshold (32 MiB at most, often far less) is a fresh mapping whose pages the
 * kernel zero-fills on first touch and takes back when the tensor dies, and the heap's free top is trimmed back as
 * soon as it passes 128 KiB: a training step pays page faults for most of its activations. Measured on the 2-core
 * Zen 5 EPYC (docs/engine.md): a DCGAN step 181-212 ms with the defaults, 87-103 ms tuned; a StyleGAN2 step at
 * 128x128, 14.8 s against 1.7 s. PyTorch pays the same (its bench figures move alike).
 *
 * <p>The settings are environment variables that glibc reads when the process starts, so they cannot be set from
 * Java: jgan's launchers export them ({@code scripts/malloc-env}); a JVM started otherwise (an IDE, Maven, Spark
 * executors) needs them in its environment, as {@link #SETTINGS} lists. The cost: memory freed after a peak stays
 * with the process for reuse rather than going back to the system.
 */
public final class NativeAllocator {
    /**
     * The tuned settings: no mmap for large blocks, no trimming of the heap, 64 MiB more per heap growth, and one
     * arena (the process's main heap) for every thread.
     */
    public static final Map<String, String> SETTINGS = settings();

    private NativeAllocator() {
    }

    private static Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("MALLOC_MMAP_MAX_", "0");
        m.put("MALLOC_TRIM_THRESHOLD_", "17179869184");
        m.put("MALLOC_TOP_PAD_", "67108864");
        // Every thread of a JVM is a thread other than the process's first, so without this each gets one of
        // glibc's per-thread arenas, whose heaps are at most 64 MiB: a larger block is mapped and unmapped every
        // time whatever MALLOC_MMAP_MAX_ says (DCGAN generation at batch 1000 has a 100 MB activation).
        m.put("MALLOC_ARENA_MAX", "1");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Whether this process started with every setting of {@link #SETTINGS} at its value. */
    public static boolean tuned() {
        return SETTINGS.entrySet().stream().allMatch(e -> e.getValue().equals(System.getenv(e.getKey())));
    }

    /** One line for reports: the settings in effect, or what to export. */
    public static String describe() {
        String now = SETTINGS.keySet().stream().map(k -> k + "=" + (System.getenv(k) == null ? "(glibc default)"
                : System.getenv(k))).collect(java.util.stream.Collectors.joining(" "));
        String why = "default".equals(System.getenv("JGAN_MALLOC")) ? "NOT tuned (JGAN_MALLOC=default): "
                : "NOT tuned (slower; start the JVM with " + exports() + "): ";
        return (tuned() ? "tuned for reuse: " : why) + now;
    }

    /** The settings as shell assignments, e.g. for {@code env} or a Spark executor's environment. */
    public static String exports() {
        return SETTINGS.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
