package org.jgan.metrics.eval;

import org.jgan.metrics.FeatureSet;
import org.jgan.metrics.FidStats;
import org.jgan.metrics.PrecisionRecall;

/**
 * The real data generated samples are compared with: its features (for KID and precision/recall), their Gaussian
 * statistics (for FID) and the k-NN radii of precision/recall, all computed once per evaluation run or training.
 */
public final class Reference {
    private final String name;
    private final FeatureSet features;
    private final FidStats stats;
    private float[] radii;

    private Reference(String name, FeatureSet features, FidStats stats) {
        this.name = name;
        this.features = features;
        this.stats = stats;
    }

    public static Reference of(FeatureSet features) {
        return new Reference(features.source(), features, FidStats.of(features));
    }

    /** A reference whose k-NN radii are already known (read from the feature cache). */
    public static Reference of(FeatureSet features, float[] radii) {
        Reference r = of(features);
        if (radii != null && radii.length == features.count()) {
            r.radii = radii;
        }
        return r;
    }

    public String name() {
        return name;
    }

    public FeatureSet features() {
        return features;
    }

    public FidStats stats() {
        return stats;
    }

    /** The k-NN radii of the real features for precision/recall with {@link PrecisionRecall#K}, computed once. */
    public synchronized float[] radii() {
        if (radii == null) {
            radii = PrecisionRecall.radii(features, PrecisionRecall.K);
        }
        return radii;
    }
}
