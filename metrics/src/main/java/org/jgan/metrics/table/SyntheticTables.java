package org.jgan.metrics.table;

import java.nio.file.Path;
import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.table.SchemaOverrides;
import org.jgan.core.data.table.Table;
import org.jgan.core.data.table.TableSchema;
import org.jgan.core.data.table.TableSources;

/**
 * Reads a table to compare with a real one, the way the real one was read: same columns (by name), and every column
 * declared with the real type, so a synthetic "age" column of 3 distinct values is not inferred categorical while the
 * real one is an integer. A synthetic category the real data never had stays a category (reported, not an error).
 */
public final class SyntheticTables {
    private SyntheticTables() {
    }

    /**
     * The table at {@code source} (a path or a named table), read with {@code real}'s schema; a
     * {@link DataException} naming the columns it lacks or has in excess when they differ. {@code what} names the
     * table in messages ("synthetic", "held-out").
     */
    public static Table readLike(String source, TableSchema real, String what) {
        // Read once with inferred types to learn its columns: declaring a column it lacks would fail with a message
        // about the schema rather than about the table.
        Table first = TableSources.open(source);
        // a column the real table declared is read even where this read left it out as an identifier (a small
        // held-out file's names): the second read declares it
        List<String> found = new java.util.ArrayList<>(first.schema().names());
        first.leftOutColumns().stream().filter(n -> real.indexOf(n) >= 0).forEach(found::add);
        checkColumns(real.names(), found, what + " table " + source);
        return TableSources.open(source, SchemaOverrides.of(real));
    }

    /** {@link #readLike(String, TableSchema, String)} for a file. */
    public static Table readLike(Path file, TableSchema real, String what) {
        return readLike(file.toString(), real, what);
    }

    /** A {@link DataException} naming what {@code other} lacks and has in excess, unless both have the same names. */
    public static void checkColumns(TableSchema real, TableSchema other, String what) {
        checkColumns(real.names(), other.names(), what);
    }

    private static void checkColumns(List<String> real, List<String> other, String what) {
        List<String> missing = real.stream().filter(n -> !other.contains(n)).toList();
        List<String> extra = other.stream().filter(n -> !real.contains(n)).toList();
        if (missing.isEmpty() && extra.isEmpty()) {
            return;
        }
        StringBuilder m = new StringBuilder(what).append(" does not have the real table's columns:");
        if (!missing.isEmpty()) {
            m.append(" missing ").append(quoted(missing));
        }
        if (!extra.isEmpty()) {
            m.append(missing.isEmpty() ? "" : ";").append(" extra ").append(quoted(extra));
        }
        throw new DataException(m.append(" (real columns: ").append(String.join(", ", real)).append(")")
                .toString());
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
