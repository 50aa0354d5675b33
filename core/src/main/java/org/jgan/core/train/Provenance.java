package org.jgan.core.train;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgan.engine.Torch;

/** What config.json records besides the config: versions, machine, seed and the data fingerprint. */
public final class Provenance {
    /** jgan's version, from the pom (filtered into {@code org/jgan/core/jgan.properties} at build time). */
    public static final String JGAN_VERSION = readVersion();

    private Provenance() {
    }

    private static String readVersion() {
        try (java.io.InputStream in = Provenance.class.getResourceAsStream("/org/jgan/core/jgan.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "");
            // Unfiltered (an IDE build that skipped Maven's resource step): say so rather than invent a number.
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    public static Map<String, Object> of(long seed, TrainingData data, String citation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jgan", JGAN_VERSION);
        m.put("libtorch", Torch.libtorchVersion());
        m.put("javacpp", Torch.javacppVersion());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("threads", Torch.threads());
        m.put("seed", seed);
        m.put("paper", citation);
        m.put("dataset", data.provenance());
        m.put("created", Instant.now().toString());
        return m;
    }
}
