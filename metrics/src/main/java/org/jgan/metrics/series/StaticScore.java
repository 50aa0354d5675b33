package org.jgan.metrics.series;

import java.util.List;

/**
 * How well synthetic windows reproduce one static feature (a per-series attribute, as TimeGAN models them: Yoon et
 * al. 2019): its distribution over windows, and how the series go with it ({@link StaticLink}).
 *
 * @param name          the static feature
 * @param categorical   held as category codes rather than numbers
 * @param shape         1 - KS (numeric) or 1 - TVD (categorical) of its values over windows, 0..1, 1 the same
 * @param link          mean {@link StaticLink#score} over the temporal features and statistics
 * @param linkShuffled  the same for real windows with statics shuffled across windows (what ignoring it scores)
 * @param links         one per temporal feature and statistic
 */
public record StaticScore(String name, boolean categorical, double shape, double link, double linkShuffled,
                          List<StaticLink> links) {
    public StaticScore {
        links = List.copyOf(links);
    }
}
