package org.jgan.core.data.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgan.core.data.DataException;

/**
 * Guesses a column's {@link ColumnType} from its non-missing cells. The first rule that fits every cell wins:
 * <ol>
 * <li>no values at all: categorical (a column of only missing values, kept so the missing rate survives);</li>
 * <li>true/false/yes/no, any letter case: boolean;</li>
 * <li>whole numbers without leading zeros: integer, unless they look like codes: at most
 * {@value #MAX_CODE_LEVELS} distinct values, each seen {@value #MIN_ROWS_PER_LEVEL} times on average (a 1-5 rating,
 * a 0/1 flag over hundreds of rows), which are categorical so their exact frequencies are kept;</li>
 * <li>decimal numbers (no leading-zero integers among them): continuous;</li>
 * <li>an ISO date or date-time, all in one of {@link DateTimes#ISO_PATTERNS}: datetime;</li>
 * <li>anything else, including zero-padded numbers such as ZIP codes: categorical.</li>
 * </ol>
 */
final class TypeInference {
    static final int MAX_CODE_LEVELS = 10;
    static final int MIN_ROWS_PER_LEVEL = 20;

    private TypeInference() {
    }

    static ColumnSpec infer(RawTable raw, int col, SchemaOverrides o) {
        String name = raw.names().get(col);
        boolean bool = true;
        boolean integer = true;
        boolean decimal = true;
        boolean padded = false;
        Set<String> distinct = new HashSet<>();
        List<DateTimes> iso = new ArrayList<>(DateTimes.ISO);
        int n = 0;
        for (String[] row : raw.rows()) {
            String cell = row[col];
            if (o.isMissing(cell)) {
                continue;
            }
            n++;
            bool = bool && Values.bool(cell, false) != null;
            padded = padded || Values.padded(cell);
            integer = integer && Values.integer(cell) != null;
            decimal = decimal && Values.decimal(cell) != null;
            if (integer && distinct.size() <= MAX_CODE_LEVELS) {
                distinct.add(cell.trim());
            }
            iso.removeIf(p -> p.parse(cell) == null);
            if (!bool && !integer && !decimal && iso.isEmpty()) {
                break; // categorical: nothing left to learn from the other cells
            }
        }
        if (n == 0) {
            return new ColumnSpec(name, ColumnType.CATEGORICAL, null);
        }
        if (bool) {
            return new ColumnSpec(name, ColumnType.BOOLEAN, null);
        }
        if (integer) {
            boolean codes = distinct.size() <= MAX_CODE_LEVELS && n >= MIN_ROWS_PER_LEVEL * distinct.size();
            return new ColumnSpec(name, codes ? ColumnType.CATEGORICAL : ColumnType.INTEGER, null);
        }
        if (decimal && !padded) {
            return new ColumnSpec(name, ColumnType.CONTINUOUS, null);
        }
        if (!iso.isEmpty()) {
            return new ColumnSpec(name, ColumnType.DATETIME, iso.get(0).pattern());
        }
        return new ColumnSpec(name, ColumnType.CATEGORICAL, null);
    }

    /** The ISO pattern that reads every value of a column declared datetime without a format. */
    static String isoPattern(RawTable raw, int col, SchemaOverrides o) {
        List<DateTimes> iso = new ArrayList<>(DateTimes.ISO);
        for (int r = 0; r < raw.rows().size(); r++) {
            String cell = raw.rows().get(r)[col];
            if (o.isMissing(cell)) {
                continue;
            }
            List<DateTimes> before = List.copyOf(iso);
            iso.removeIf(p -> p.parse(cell) == null);
            if (iso.isEmpty()) {
                String like = before.size() == DateTimes.ISO.size() ? "an ISO date or date-time"
                        : "in the ISO pattern of the rows before it (" + before.get(0).pattern() + ")";
                throw new DataException(raw.where(r) + ", column \"" + raw.names().get(col) + "\": value \"" + cell
                        + "\" is not " + like + "; give the column a \"format\" in " + o.source());
            }
        }
        return iso.isEmpty() ? DateTimes.ISO_PATTERNS.get(0) : iso.get(0).pattern();
    }
}
