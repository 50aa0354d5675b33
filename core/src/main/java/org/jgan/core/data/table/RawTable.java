package org.jgan.core.data.table;

import java.util.List;

/**
 * A table as read, before any value is parsed: the header and each row's cells as text. A cell is null where a JSON
 * lines row lacks the field. Line numbers are kept only so that errors about a value can point at it in the file.
 *
 * @param source where it was read from, for messages (a file path)
 * @param names  the column names, in order
 * @param rows   the cells of each row, one per column
 * @param lines  the line in the source where each row starts (1-based)
 */
record RawTable(String source, List<String> names, List<String[]> rows, int[] lines) {
    /** "file: line 7 (row 6)": where row {@code r} (0-based) is, for an error message. */
    String where(int r) {
        return source + ": line " + lines[r] + " (row " + (r + 1) + ")";
    }
}
