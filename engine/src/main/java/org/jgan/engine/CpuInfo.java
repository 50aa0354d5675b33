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

    /**
     * FP32 peak of {@code cores} cores in GFLOP/s, assuming two FMA pipes per core of the widest vector width (32
     * lanes with AVX-512, 16 with AVX2/AVX) at the clock /proc/cpuinfo reports; 0 where that is unknown. An
     * assumption, printed with {@link #peakAssumption}: boost clocks and single-pipe parts change it.
     */
    public static double fp32PeakGflops(int cores) {
        double ghz = clockGhz();
        return ghz * cores * fmaLanes() * 2;
    }

    /** How {@link #fp32PeakGflops} was computed, for the reader of a benchmark. */
    public static String peakAssumption(int cores) {
        return String.format("%d cores x %d FP32 FMA lanes x 2 FLOP x %.2f GHz", cores, fmaLanes(), clockGhz());
    }

    private static int fmaLanes() {
        String isa = vectorIsa();
        return isa.equals("AVX-512") ? 32 : isa.startsWith("AVX") ? 16 : 8;
    }

    private static double clockGhz() {
        String mhz = field("cpu MHz");
        try {
            return mhz == null ? 0 : Double.parseDouble(mhz) / 1000;
        } catch (NumberFormatException e) {
            return 0;
        }
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
