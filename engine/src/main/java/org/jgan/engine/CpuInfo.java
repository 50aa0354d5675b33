package org.jgan.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPU as Linux describes it in {@code /proc/cpuinfo}: model, family and feature flags. Convolution checks are
 * cached per CPU ({@link ConvCheckCache}) and {@code jgan doctor} prints it, because oneDNN picks its kernels by the
 * instruction sets it finds.
 */
public final class CpuInfo {
    private static volatile List<String> lines;

    private CpuInfo() {
    }

    /** E.g. "AMD EPYC (family 26, model 2)"; "unknown" where /proc/cpuinfo cannot be read. */
    public static String model() {
        String name = field("model name");
        return name == null ? "unknown" : name + " (family " + field("cpu family") + ", model " + field("model") + ")";
    }

    /** The feature flags, space separated ("" where unknown). */
    public static String flags() {
        String f = field("flags");
        return f == null ? "" : f;
    }

    /** The widest vector instruction set oneDNN can use here: "AVX-512", "AVX2", "AVX" or "SSE4.1 or older". */
    public static String vectorIsa() {
        String f = " " + flags() + " ";
        return f.contains(" avx512f ") ? "AVX-512" : f.contains(" avx2 ") ? "AVX2" : f.contains(" avx ") ? "AVX"
                : "SSE4.1 or older";
    }

    private static String field(String name) {
        if (lines == null) {
            try {
                lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            } catch (IOException | RuntimeException e) {
                lines = List.of();
            }
        }
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon > 0 && l.substring(0, colon).trim().equals(name)) {
                return l.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
