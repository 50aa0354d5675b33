package org.jgan.core.data.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgan.core.data.DataException;

/**
 * Columns left out of a table before its types are inferred: those a schema declares {@code "ignore"}, and text
 * columns that name rows rather than describe them (a film's title, a customer's name), found as categorical columns
 * with at least {@value #MIN_DISTINCT} values of which {@value #MIN_DISTINCT_SHARE_PERCENT}% or more are distinct.
 *
 * <p>Why: CTGAN (Xu et al. 2019) one-hot encodes every category, so such a column widens each row by one value per
 * row and teaches the model nothing it can generalise; its synthetic values can only be real ones copied, which is
 * the leak a synthetic table exists to avoid. Measured on vega-datasets' movies (3,201 rows): its 3,176 distinct
 * titles were 3,176 of a row's 3,342 values, and training ran at 200 rows a second. SDV's metadata likewise marks
 * such columns as identifiers and does not model them. A column declared with a type is never left out.
 */
final class IdentifierColumns {
    static final int MIN_DISTINCT = 100;
    static final int MIN_DISTINCT_SHARE_PERCENT = 90;

    /** The table without the left-out columns, and each left-out column's name with a note saying why, in order. */
    record Cut(RawTable raw, Map<String, String> leftOut) {
    }

    private IdentifierColumns() {
    }

    static Cut cut(RawTable raw, SchemaOverrides o) {
        List<String> unknown = o.unknownColumns(raw.names());
        if (!unknown.isEmpty()) {
            throw new DataException(o.source() + ": declares column" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown.stream().map(u -> "\"" + u + "\"").toList()) + " that "
                    + raw.source() + " does not have (its columns: " + String.join(", ", raw.names()) + ")");
        }
        List<Integer> keep = new ArrayList<>();
        Map<String, String> left = new LinkedHashMap<>();
        for (int c = 0; c < raw.names().size(); c++) {
            String name = raw.names().get(c);
            if (o.isIgnored(name)) {
                left.put(name, name + ": left out (declared \"ignore\" in " + o.source() + ")");
                continue;
            }
            String why = o.declared(name) == null ? identifier(raw, c, o) : null;
            if (why != null) {
                left.put(name, name + ": left out as an identifier (" + why + "; declare it \"categorical\" in a "
                        + "schema file to model it)");
            } else {
                keep.add(c);
            }
        }
        if (keep.size() == raw.names().size()) {
            return new Cut(raw, Map.of());
        }
        if (keep.isEmpty()) {
            throw new DataException(raw.source() + ": every column is left out (" + String.join("; ", left.values())
                    + ")");
        }
        List<String> names = keep.stream().map(raw.names()::get).toList();
        List<String[]> rows = new ArrayList<>(raw.rows().size());
        for (String[] row : raw.rows()) {
            String[] r = new String[keep.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = row[keep.get(i)];
            }
            rows.add(r);
        }
        return new Cut(new RawTable(raw.source(), names, rows, raw.lines()), left);
    }

    /** Why column {@code c} is an identifier ("3176 distinct values in 3201 rows"), or null when it is not one. */
    private static String identifier(RawTable raw, int c, SchemaOverrides o) {
        Set<String> distinct = new HashSet<>();
        int n = 0;
        // repeats beyond the share an identifier allows (of all rows, at least as many as with a value) settle it
        // early: every column of every table read passes here, and most repeat their values soon
        long allowedRepeats = (long) raw.rows().size() * (100 - MIN_DISTINCT_SHARE_PERCENT) / 100;
        for (String[] row : raw.rows()) {
            if (!o.isMissing(row[c])) {
                n++;
                distinct.add(row[c].trim());
                if (n - distinct.size() > allowedRepeats) {
                    return null;
                }
            }
        }
        if (distinct.size() < MIN_DISTINCT || 100L * distinct.size() < (long) MIN_DISTINCT_SHARE_PERCENT * n) {
            return null;
        }
        if (TypeInference.infer(raw, c, o).type() != ColumnType.CATEGORICAL) {
            return null;
        }
        return distinct.size() + " distinct values in " + n + " rows with a value";
    }
}
