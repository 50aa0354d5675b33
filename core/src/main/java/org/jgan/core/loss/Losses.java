package org.jgan.core.loss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jgan.core.config.ConfigException;

/** The registry of adversarial losses by name. */
public final class Losses {
    private static final Map<String, Supplier<GanLoss>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("non-saturating", NonSaturatingLoss::new);
        ALL.put("minimax", MinimaxLoss::new);
        ALL.put("hinge", HingeLoss::new);
        ALL.put("wasserstein", WassersteinLoss::new);
        ALL.put("least-squares", LeastSquaresLoss::new);
    }

    private Losses() {
    }

    public static GanLoss byName(String name) {
        Supplier<GanLoss> s = ALL.get(name);
        if (s == null) {
            throw new ConfigException("unknown loss '" + name + "'; choose one of " + String.join(", ", ALL.keySet()));
        }
        return s.get();
    }

    public static java.util.Set<String> names() {
        return ALL.keySet();
    }
}
