package org.jgan.core.data.table;

/**
 * One column of a {@link TableSchema}: its name in the header, its {@link ColumnType}, and for a date-time column the
 * java.time pattern its values are read and written in.
 *
 * @param name   the header name
 * @param type   what the column holds
 * @param format the {@link java.time.format.DateTimeFormatter} pattern of a {@link ColumnType#DATETIME} column (e.g.
 *               "uuuu-MM-dd"); null for every other type
 * @param season whether a date-time column's place in the year is modelled besides its instant: true, false, or null
 *               to decide from the data (columns spanning at least a year); null for every other type
 */
public record ColumnSpec(String name, ColumnType type, String format, Boolean season) {
    /** A column whose season, if it is a date-time, is decided from the data. */
    public ColumnSpec(String name, ColumnType type, String format) {
        this(name, type, format, null);
    }

    public ColumnSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column name must not be empty");
        }
        if (type == null) {
            throw new IllegalArgumentException("column \"" + name + "\" needs a type, one of " + ColumnType.keys());
        }
        if ((type == ColumnType.DATETIME) != (format != null)) {
            throw new IllegalArgumentException("column \"" + name + "\": a date-time column needs a format and "
                    + "other types take none (type " + type.key() + ", format " + format + ")");
        }
        if (format != null) {
            DateTimes.of(format); // fails with a message naming the pattern
        }
        if (season != null && type != ColumnType.DATETIME) {
            throw new IllegalArgumentException("column \"" + name + "\": only a date-time column has a season, this "
                    + "one is " + type.key());
        }
    }
}
