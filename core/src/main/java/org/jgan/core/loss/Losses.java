package org.jgan.core.loss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.jgan.core.config.ConfigException;

/** The registry of adversarial losses by name. */
public final class Losses {
    private static final Map<String, DoubleFunction<GanLoss>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("non-saturating", NonSaturatingLoss::new);
        ALL.put("minimax", MinimaxLoss::new);
        ALL.put("hinge", t -> new HingeLoss());
        ALL.put("wasserstein", t -> new WassersteinLoss());
        ALL.put("least-squares", t -> new LeastSquaresLoss());
    }

    private Losses() {
    }

    public static GanLoss byName(String name) {
        return byName(name, 1.0);
    }

    /** The loss {@code name}; {@code realLabel < 1} smooths real targets of the logistic losses. */
    public static GanLoss byName(String name, double realLabel) {
        DoubleFunction<GanLoss> s = ALL.get(name);
        if (s == null) {
            throw new ConfigException("unknown loss '" + name + "'; choose one of " + String.join(", ", ALL.keySet()));
        }
        return s.apply(realLabel);
    }

    public static java.util.Set<String> names() {
        return ALL.keySet();
    }
}
