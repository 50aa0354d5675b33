package org.jgan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgan.engine.CpuInfo;

/**
 * Which kernels the PyTorch side's OpenBLAS runs, and the {@code OPENBLAS_CORETYPE} that gives it this CPU's vector
 * width when it picked an older one, so that the benchmarks compare with PyTorch at its best.
 *
 * <p>Why: OpenBLAS chooses its kernels by the CPU model it knows. Debian's OpenBLAS 0.3.21 does not know the Xeon of
 * family 6 model 207 and falls back to its SSE3 "Prescott" kernels (measured: 40 GFLOP/s for a 1024 x 1024 product
 * against 173 with the AVX-512 "Cooperlake" ones it picks when told), while jgan's OpenBLAS 0.3.31 picks Cooperlake
 * itself. Debian's PyTorch runs convolutions as OpenBLAS products, so on such a CPU it would be timed at a quarter of
 * its speed.
 */
final class BlasCore {
    /** OpenBLAS core names by the widest vector instruction set their sgemm kernels use. */
    private static final List<String> AVX512 = List.of("skylakex", "cooperlake", "sapphirerapids");
    private static final List<String> AVX2 = List.of("haswell", "zen", "excavator", "skylake");
    private static final List<String> AVX = List.of("sandybridge", "bulldozer", "piledriver", "steamroller");
    private static final Pattern CORE = Pattern.compile("Core: (\\S+)");

    private BlasCore() {
    }

    /** The override and what was found, for the printout and the JSON. */
    record Choice(Map<String, String> env, String found, String note) {
    }

    /**
     * The environment that gives PyTorch's OpenBLAS kernels as wide as this CPU's vectors: empty where it picks them
     * itself (or with the user's {@code OPENBLAS_CORETYPE}), or where its choice cannot be read.
     */
    static Choice choose(String python) throws IOException, InterruptedException {
        return choose(python, System.getenv("OPENBLAS_CORETYPE"));
    }

    /**
     * As {@link #choose(String)}, with {@code userCore} the {@code OPENBLAS_CORETYPE} the user set (null for none).
     *
     * <p>Why a user's setting narrower than the CPU is overridden: a machine's environment may pin OpenBLAS to older
     * kernels (measured on a Zen 5 EPYC whose environment set {@code Haswell}: PyTorch's DCGAN step 189 ms against
     * 131 with the AVX-512 kernels its OpenBLAS picks itself), and the benchmarks compare with PyTorch at its best.
     */
    static Choice choose(String python, String userCore) throws IOException, InterruptedException {
        Map<String, String> asSet = userCore == null ? Map.of() : Map.of("OPENBLAS_CORETYPE", userCore);
        String found = probe(python, asSet);
        String how = userCore != null
                ? "OPENBLAS_CORETYPE=" + userCore + " as set (" + (found.isEmpty() ? "kernels unknown" : found) + ")"
                : found.isEmpty() ? "its OpenBLAS kernels unknown" : "its OpenBLAS picked " + found + " kernels";
        int want = rank(CpuInfo.vectorIsa());
        if (found.isEmpty() || rank(found) >= want) {
            return new Choice(Map.of(), found, how);
        }
        String name = want == 3 ? "SkylakeX" : want == 2 ? "Haswell" : "Sandybridge";
        Map<String, String> env = Map.of("OPENBLAS_CORETYPE", name);
        String forced = probe(python, env);
        if (rank(forced) < want) {
            return new Choice(Map.of(), found, how + "; its OpenBLAS refused " + name);
        }
        return new Choice(env, found, how + ", older than this CPU's " + CpuInfo.vectorIsa()
                + "; PyTorch runs with OPENBLAS_CORETYPE=" + name + " (" + forced + ")");
    }

    /** 3 for AVX-512, 2 for AVX2, 1 for AVX, 0 for older, by an ISA name or an OpenBLAS core name. */
    static int rank(String isaOrCore) {
        String s = isaOrCore.toLowerCase(java.util.Locale.ROOT);
        if (s.equals("avx-512") || AVX512.contains(s)) {
            return 3;
        }
        return s.equals("avx2") || AVX2.contains(s) ? 2 : s.equals("avx") || AVX.contains(s) ? 1 : 0;
    }

    /** The core OpenBLAS reports (OPENBLAS_VERBOSE=2) when {@code python} loads torch, or "". */
    private static String probe(String python, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python, "-c",
                "import torch; a = torch.ones(64, 64); a.mm(a)");
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().putAll(env);
        pb.environment().put("OPENBLAS_VERBOSE", "2");
        pb.redirectErrorStream(true);
        Process p = PythonOptions.start(pb, python);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = CORE.matcher(out);
        return m.find() ? m.group(1) : "";
    }
}
