package org.jgan.core.train;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgan.core.data.ImageDataset;
import org.jgan.engine.Torch;

/** What config.json records besides the config: versions, machine, seed and the data fingerprint. */
public final class Provenance {
    public static final String JGAN_VERSION = "0.1.0";

    private Provenance() {
    }

    public static Map<String, Object> of(long seed, ImageDataset data, String citation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jgan", JGAN_VERSION);
        m.put("libtorch", Torch.libtorchVersion());
        m.put("javacpp", Torch.javacppVersion());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("threads", Torch.threads());
        m.put("seed", seed);
        m.put("paper", citation);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", data.name());
        d.put("images", data.size());
        d.put("shape", new int[]{data.channels(), data.height(), data.width()});
        d.put("classes", data.classNames());
        d.put("fingerprint", data.fingerprint());
        if (data.pairing() != null) {
            d.put("pairing", data.pairing());
        }
        m.put("dataset", d);
        m.put("created", Instant.now().toString());
        return m;
    }
}
