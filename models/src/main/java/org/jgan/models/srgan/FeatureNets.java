package org.jgan.models.srgan;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jgan.core.config.ConfigException;
import org.jgan.core.nn.GanNet;
import org.jgan.core.train.DataShape;

/**
 * Resolves {@code i2i.featureNet}: "none" (no feature loss), a name registered by a module that can build a feature
 * network (the CLI registers "classifier", jgan's built-in Fashion-MNIST classifier from the metrics module, which
 * models cannot depend on), or the path of a TorchScript module ({@link FeatureNet}).
 */
public final class FeatureNets {
    private static final Map<String, Function<DataShape, GanNet>> NAMED = new ConcurrentHashMap<>();

    private FeatureNets() {
    }

    /**
     * Makes {@code name} usable as {@code i2i.featureNet}; the factory builds a frozen network in eval mode for
     * high-resolution training images of the given shape, or throws a ConfigException when it cannot take them.
     */
    public static void register(String name, Function<DataShape, GanNet> factory) {
        NAMED.put(name, factory);
    }

    /** The feature network for {@code spec} and training images of shape {@code highRes}, or null for "none". */
    public static GanNet open(String spec, DataShape highRes) {
        if (spec.equalsIgnoreCase("none")) {
            return null;
        }
        Function<DataShape, GanNet> named = NAMED.get(spec);
        if (named != null) {
            return named.apply(highRes);
        }
        if (spec.equals("classifier")) {
            throw new ConfigException("i2i.featureNet=classifier: jgan's built-in classifier is not registered "
                    + "(org.jgan.api registers it from the metrics module: train through org.jgan.api.Jgan); give the "
                    + "path of a TorchScript module or none");
        }
        return FeatureNet.load(Path.of(spec));
    }
}
