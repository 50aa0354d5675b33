package org.jgan.core.data.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes the values of a date-time column in one java.time pattern. A value becomes seconds since
 * 1970-01-01T00:00Z: a date is its midnight, a local date-time is taken as UTC, and one with an offset ("Z",
 * "+02:00") is converted to UTC, so values in one column compare as instants. Written back, a value is shown at UTC:
 * an offset column therefore comes back as the same instant spelled with "Z".
 */
final class DateTimes {
    /**
     * The ISO patterns inference tries, in order; a column is a date-time column when one of them reads every value.
     * "uuuu" (proleptic year) rather than "yyyy" because the strict resolver below needs an era for "yyyy".
     */
    static final List<String> ISO_PATTERNS = List.of("uuuu-MM-dd", "uuuu-MM-dd'T'HH:mm:ss", "uuuu-MM-dd HH:mm:ss",
            "uuuu-MM-dd'T'HH:mm", "uuuu-MM-dd HH:mm", "uuuu-MM-dd'T'HH:mm:ss.SSS", "uuuu-MM-dd HH:mm:ss.SSS",
            "uuuu-MM-dd'T'HH:mm:ssXXX", "uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    /** Readers for {@link #ISO_PATTERNS}, made once: inference tries them on every cell. */
    static final List<DateTimes> ISO = ISO_PATTERNS.stream().map(DateTimes::of).toList();

    private final String pattern;
    private final DateTimeFormatter formatter;

    private DateTimes(String pattern, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.formatter = formatter;
    }

    /** The reader/writer for {@code pattern}; an IllegalArgumentException when it is no pattern or holds no date. */
    static DateTimes of(String pattern) {
        DateTimeFormatter f;
        try {
            // STRICT so that 2024-02-30 is an error rather than quietly 2024-02-29; the era default lets users write
            // the familiar "yyyy", which STRICT would otherwise refuse to turn into a date.
            f = new DateTimeFormatterBuilder().appendPattern(pattern).parseDefaulting(ChronoField.ERA, 1)
                    .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + pattern + "\" is not a date-time pattern (" + e.getMessage()
                    + ")");
        }
        DateTimes d = new DateTimes(pattern, f);
        // A pattern that cannot read back what it writes (no day, only a time) cannot hold a column's values.
        if (d.parse(d.format(1.7e9)) == null) {
            throw new IllegalArgumentException("date-time pattern \"" + pattern + "\" must hold a whole date (year, "
                    + "month and day)");
        }
        return d;
    }

    String pattern() {
        return pattern;
    }

    /** Seconds since 1970-01-01T00:00Z, or null when {@code text} is not a value in this pattern. */
    Double parse(String text) {
        TemporalAccessor t;
        try {
            t = formatter.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        } catch (DateTimeParseException e) {
            return null;
        }
        Instant i;
        if (t instanceof OffsetDateTime o) {
            i = o.toInstant();
        } else if (t instanceof LocalDateTime l) {
            i = l.toInstant(ZoneOffset.UTC);
        } else {
            i = ((LocalDate) t).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return i.getEpochSecond() + i.getNano() / 1e9;
    }

    /** {@code seconds} since 1970-01-01T00:00Z in this pattern, at UTC. */
    String format(double seconds) {
        long s = (long) Math.floor(seconds);
        // A double holds about 15 digits, so near today's instants the last digits below a microsecond are noise:
        // rounding to microseconds keeps "12:00:00.123" from coming back as ".122".
        long micros = Math.round((seconds - s) * 1e6);
        if (micros == 1_000_000) {
            s++;
            micros = 0;
        }
        return formatter.format(Instant.ofEpochSecond(s, micros * 1000).atOffset(ZoneOffset.UTC));
    }
}
