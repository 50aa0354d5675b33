package org.jgan.core.data.table;

/**
 * One column of a {@link TableSchema}: its name in the header, its {@link ColumnType}, and for a date-time column the
 * java.time pattern its values are read and written in.
 *
 * @param name   the header name
 * @param type   what the column holds
 * @param format the {@link java.time.format.DateTimeFormatter} pattern of a {@link ColumnType#DATETIME} column (e.g.
 *               "uuuu-MM-dd"); null for every other type
 */
public record ColumnSpec(String name, ColumnType type, String format) {
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
    }
}
