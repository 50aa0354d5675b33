package org.jgan.metrics.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.HashMap;
import org.jgan.core.data.table.ColumnType;
import org.jgan.core.data.table.Table;

/**
 * A table seen in the terms of a reference (real) table: its columns in the reference's order, found by name, and
 * each discrete cell as the reference's category code. Codes differ between tables (each is numbered by first
 * appearance in its own file), so comparing raw codes would compare the wrong categories. A category the reference
 * never had reads as {@link #UNSEEN}, a missing cell as -1.
 */
final class Aligned {
    /** The code of a category the reference table does not have. */
    static final int UNSEEN = -2;

    final Table table;
    private final Table reference;
    private final int[] columnOf;

    Aligned(Table reference, Table table) {
        this.reference = reference;
        this.table = table;
        this.columnOf = new int[reference.columns()];
        for (int c = 0; c < columnOf.length; c++) {
            columnOf[c] = table.columnIndex(reference.schema().column(c).name());
            if (table.type(columnOf[c]) != reference.type(c)) {
                throw new IllegalArgumentException("column \"" + reference.schema().column(c).name() + "\" is "
                        + table.type(columnOf[c]).key() + " in one table and " + reference.type(c).key()
                        + " in the other; read both with the same schema");
            }
        }
    }

    int rows() {
        return table.rows();
    }

    /** Numeric column {@code c} (reference order): NaN where missing. */
    double[] numbers(int c) {
        int tc = columnOf[c];
        double[] v = new double[table.rows()];
        for (int r = 0; r < v.length; r++) {
            v[r] = table.number(tc, r);
        }
        return v;
    }

    /** Discrete column {@code c} as reference codes: -1 where missing, {@link #UNSEEN} for a new category. */
    int[] codes(int c) {
        int tc = columnOf[c];
        int[] map = codeMap(c);
        int[] out = new int[table.rows()];
        for (int r = 0; r < out.length; r++) {
            int k = table.code(tc, r);
            out[r] = k < 0 ? -1 : map[k];
        }
        return out;
    }

    /** The categories of column {@code c} that the reference table never had, sorted. */
    List<String> unseen(int c) {
        int[] map = codeMap(c);
        List<String> cats = table.categories(columnOf[c]);
        TreeSet<String> out = new TreeSet<>();
        for (int k = 0; k < map.length; k++) {
            if (map[k] == UNSEEN) {
                out.add(cats.get(k));
            }
        }
        return new ArrayList<>(out);
    }

    private int[] codeMap(int c) {
        List<String> mine = table.categories(columnOf[c]);
        int[] map = new int[mine.size()];
        if (reference.type(c) == ColumnType.BOOLEAN) {
            // Booleans are coded false=0, true=1 whatever the spelling ("no"/"yes", "False"/"True").
            for (int k = 0; k < map.length; k++) {
                map[k] = k;
            }
            return map;
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> ref = reference.categories(c);
        for (int k = 0; k < ref.size(); k++) {
            index.put(ref.get(k), k);
        }
        for (int k = 0; k < map.length; k++) {
            map[k] = index.getOrDefault(mine.get(k), UNSEEN);
        }
        return map;
    }
}
