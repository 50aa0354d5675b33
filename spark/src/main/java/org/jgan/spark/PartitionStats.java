package org.jgan.spark;

import java.io.Serializable;
import org.jgan.metrics.ClassSums;
import org.jgan.metrics.FeatureMoments;

/**
 * What one partition's images leave behind for evaluation: the feature moments (FID) and, when the extractor is a
 * classifier, the class sums (Inception Score, class coverage). Merges in any order.
 *
 * @param moments feature moments
 * @param classes class sums, or null when the extractor gives no class probabilities
 */
record PartitionStats(FeatureMoments moments, ClassSums classes) implements Serializable {
    PartitionStats merge(PartitionStats o) {
        return new PartitionStats(moments.merge(o.moments), classes == null ? null : classes.merge(o.classes));
    }
}
