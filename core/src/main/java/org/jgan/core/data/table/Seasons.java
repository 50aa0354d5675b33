package org.jgan.core.data.table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Places of instants in their year (UTC), for date-time columns whose season matters: a row's date is encoded as the
 * instant plus its angle in the year, and decoded as the instant nearest the decoded one at the decoded angle.
 */
final class Seasons {
    /** A year of 365 days: a column must span at least this for its season to be encoded. */
    static final double YEAR_SECONDS = 365 * 86400.0;

    private Seasons() {
    }

    /** Where {@code seconds} since 1970-01-01T00:00Z falls in its UTC year: 0 at New Year, just below 1 at its end. */
    static double yearFraction(double seconds) {
        int year = yearOf(seconds);
        double start = startOf(year);
        return (seconds - start) / (startOf(year + 1) - start);
    }

    /**
     * The instant at {@code fraction} (0..1) of its year nearest to {@code seconds}: in the year of {@code seconds}
     * or in the one before or after (a decoded instant of 30 December with a decoded place of early January means the
     * next day, not 360 days before).
     */
    static double nearestAt(double seconds, double fraction) {
        int year = yearOf(seconds);
        double best = Double.NaN;
        for (int y = year - 1; y <= year + 1; y++) {
            double start = startOf(y);
            double at = start + fraction * (startOf(y + 1) - start);
            if (Double.isNaN(best) || Math.abs(at - seconds) < Math.abs(best - seconds)) {
                best = at;
            }
        }
        return best;
    }

    private static int yearOf(double seconds) {
        return Instant.ofEpochSecond((long) Math.floor(seconds)).atOffset(ZoneOffset.UTC).getYear();
    }

    private static double startOf(int year) {
        return LocalDateTime.of(year, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    }
}
