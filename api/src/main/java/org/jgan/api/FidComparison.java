package org.jgan.api;

import java.util.ArrayList;
import java.util.List;
import org.jgan.metrics.FidStats;

/**
 * The Fréchet Inception Distance between two sources (Heusel et al. 2017) with the statistics it came from. Made by
 * {@link Jgan#fid}.
 *
 * @param sourceA the first source as it was given
 * @param a       its statistics
 * @param sourceB the second source
 * @param b       its statistics
 * @param fid     the distance
 */
public record FidComparison(String sourceA, FidStats a, String sourceB, FidStats b, double fid) {
    /** One line for each source whose statistics come from fewer samples than published FIDs use (biased upwards). */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        FidStats.sampleWarning(sourceA, a.count()).ifPresent(out::add);
        FidStats.sampleWarning(sourceB, b.count()).ifPresent(out::add);
        return out;
    }
}
