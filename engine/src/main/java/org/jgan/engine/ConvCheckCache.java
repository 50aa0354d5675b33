package org.jgan.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remembers passed convolution checks on disk, per CPU and libtorch build, so a check costs milliseconds after the
 * first run on a machine. The file lives in {@link CacheDir}; it is named by a hash of the CPU model, its feature flags,
 * the libtorch and JavaCPP versions, so another CPU or build never reads it. Only passes are stored: a failure is
 * checked again next time. A cache that cannot be read or written is ignored (the check then simply runs).
 */
final class ConvCheckCache {
    private static Map<String, String> passed;

    private ConvCheckCache() {
    }

    /** The check of {@code spec} on {@code route} for {@code input}, from the cache or run now. */
    static synchronized ConvCheck.Result check(ConvSpec spec, ConvRoute route, long[] input, ConvUse use,
                                               Precision precision) {
        // "nhwc": oneDNN's routes take channels-last inputs since 2026-12-03; passes of NCHW inputs do not count
        String key = route.label() + (route == ConvRoute.IM2COL ? "" : " nhwc") + " | " + spec.key() + " | " + input[0] + "x" + input[1] + "x" + input[2] + "x"
                + input[3] + " | " + use.cacheKey() + " | t" + Torch.threads()
                + (precision == Precision.FLOAT32 ? "" : " | " + precision.label());
        Map<String, String> known = load();
        String hit = known.get(key);
        if (hit != null) {
            return new ConvCheck.Result(true, Double.parseDouble(hit), "");
        }
        ConvCheck.Result r = ConvCheck.run(spec, route, input[0], input[2], input[3], use, precision);
        if (r.ok()) {
            known.put(key, Double.toString(r.error()));
            save(known);
        }
        return r;
    }

    /** The cache file of this CPU and libtorch build. */
    static Path file() {
        return CacheDir.path().resolve("convolution-checks-" + fingerprint() + ".tsv");
    }

    private static String fingerprint() {
        String id = CpuInfo.model() + "|" + CpuInfo.flags() + "|" + Torch.libtorchVersion() + "|"
                + Torch.javacppVersion();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> load() {
        if (passed == null) {
            passed = new TreeMap<>();
            try {
                for (String line : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
                    int tab = line.lastIndexOf('\t');
                    if (tab > 0) {
                        passed.put(line.substring(0, tab), line.substring(tab + 1));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no cache yet, or an unreadable one: every check runs
            }
        }
        return passed;
    }

    private static void save(Map<String, String> known) {
        StringBuilder sb = new StringBuilder();
        known.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
        try {
            Path f = file();
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), f.getFileName().toString(), ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);  // only still there when the move failed
            }
        } catch (IOException | RuntimeException e) {
            // a read-only home costs a re-check next run, nothing else
        }
    }
}
