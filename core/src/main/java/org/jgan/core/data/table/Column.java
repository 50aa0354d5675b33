package org.jgan.core.data.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.core.data.DataException;

/**
 * One parsed column of a {@link Table}. Numeric types (continuous, integer, datetime) hold doubles, NaN where
 * missing; discrete types hold codes into {@link #categories}, -1 where missing. Categories are in the order they
 * first appear in the file (as CTGAN's one-hot encoder keeps them), so the same file always gives the same codes; a
 * boolean column's are [false, true] in the spelling the file used first ("no"/"yes", "False"/"True").
 */
final class Column {
    final ColumnSpec spec;
    final double[] numbers;
    final int[] codes;
    final boolean[] missing;
    final List<String> categories;
    private final DateTimes dates;

    Column(ColumnSpec spec, double[] numbers, int[] codes, boolean[] missing, List<String> categories) {
        this.spec = spec;
        this.numbers = numbers;
        this.codes = codes;
        this.missing = missing;
        this.categories = categories == null ? null : List.copyOf(categories);
        this.dates = spec.format() == null ? null : DateTimes.of(spec.format());
    }

    int missingCount() {
        int n = 0;
        for (boolean m : missing) {
            n += m ? 1 : 0;
        }
        return n;
    }

    /** Row {@code r} as a CSV cell: empty when missing, integers without a decimal point, dates in the format. */
    String cell(int r) {
        if (missing[r]) {
            return "";
        }
        return switch (spec.type()) {
            case CONTINUOUS -> Values.format(numbers[r], false);
            case INTEGER -> Values.format(numbers[r], true);
            case DATETIME -> dates.format(numbers[r]);
            case CATEGORICAL, BOOLEAN -> categories.get(codes[r]);
        };
    }

    /** Column {@code col} of {@code raw} parsed as {@code spec}; a cell that does not parse is an error naming it. */
    static Column parse(RawTable raw, int col, ColumnSpec spec, SchemaOverrides o) {
        int n = raw.rows().size();
        boolean[] missing = new boolean[n];
        if (spec.type().numeric()) {
            double[] v = new double[n];
            DateTimes dates = spec.format() == null ? null : DateTimes.of(spec.format());
            for (int r = 0; r < n; r++) {
                String cell = raw.rows().get(r)[col];
                missing[r] = o.isMissing(cell);
                if (missing[r]) {
                    v[r] = Double.NaN;
                    continue;
                }
                Double x = switch (spec.type()) {
                    case CONTINUOUS -> Values.decimal(cell);
                    case INTEGER -> Values.declaredInteger(cell);
                    default -> dates.parse(cell);
                };
                if (x == null) {
                    throw bad(raw, r, spec, cell);
                }
                v[r] = x;
            }
            return new Column(spec, v, null, missing, null);
        }
        int[] codes = new int[n];
        Map<String, Integer> index = new LinkedHashMap<>();
        String[] spelling = new String[2];
        for (int r = 0; r < n; r++) {
            String cell = raw.rows().get(r)[col];
            missing[r] = o.isMissing(cell);
            if (missing[r]) {
                codes[r] = -1;
            } else if (spec.type() == ColumnType.BOOLEAN) {
                Integer b = Values.bool(cell, true);
                if (b == null) {
                    throw bad(raw, r, spec, cell);
                }
                codes[r] = b;
                if (spelling[b] == null) {
                    spelling[b] = cell.trim();
                }
            } else {
                codes[r] = index.computeIfAbsent(cell, k -> index.size());
            }
        }
        List<String> cats = spec.type() == ColumnType.BOOLEAN
                ? Arrays.asList(spelling[0] == null ? "false" : spelling[0], spelling[1] == null ? "true" : spelling[1])
                : new ArrayList<>(index.keySet());
        return new Column(spec, null, codes, missing, cats);
    }

    private static DataException bad(RawTable raw, int r, ColumnSpec spec, String cell) {
        String want = switch (spec.type()) {
            case CONTINUOUS -> "a number";
            case INTEGER -> "a whole number (at most 2^53 in size)";
            case BOOLEAN -> "a boolean (true/false, yes/no or 1/0)";
            default -> "a date-time in the format \"" + spec.format() + "\"";
        };
        return new DataException(raw.where(r) + ", column \"" + spec.name() + "\": value \"" + cell + "\" is not "
                + want + " as the column's type " + spec.type().key() + " requires");
    }
}
