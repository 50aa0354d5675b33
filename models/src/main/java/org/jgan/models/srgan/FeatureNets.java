package org.jgan.models.srgan;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.GanNet;

/**
 * Resolves {@code i2i.featureNet}: "none" (no feature loss), a name registered by a module that can build a feature
 * network (the CLI registers "classifier", jgan's built-in Fashion-MNIST classifier, once the metrics module provides
 * it; models cannot depend on metrics), or the path of a TorchScript module ({@link FeatureNet}).
 */
public final class FeatureNets {
    private static final Map<String, Supplier<GanNet>> NAMED = new ConcurrentHashMap<>();

    private FeatureNets() {
    }

    /** Makes {@code name} usable as {@code i2i.featureNet}; the supplier builds a frozen network in eval mode. */
    public static void register(String name, Supplier<GanNet> factory) {
        NAMED.put(name, factory);
    }

    /** The feature network for {@code spec}, or null for "none". */
    public static GanNet open(String spec) {
        if (spec.equalsIgnoreCase("none")) {
            return null;
        }
        Supplier<GanNet> named = NAMED.get(spec);
        if (named != null) {
            return named.get();
        }
        if (spec.equals("classifier")) {
            throw new ConfigException("i2i.featureNet=classifier: jgan's built-in classifier is not available in this "
                    + "build; give the path of a TorchScript module (scripts/fmnist-torchscript-classifier.py makes "
                    + "one for Fashion-MNIST) or none");
        }
        return FeatureNet.load(Path.of(spec));
    }
}
