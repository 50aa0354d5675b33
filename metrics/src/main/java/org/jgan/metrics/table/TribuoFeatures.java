package org.jgan.metrics.table;

import java.util.ArrayList;
import java.util.List;
import org.jgan.core.data.table.ColumnType;
import org.jgan.core.data.table.Table;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * A table row as a Tribuo example: a numeric column as its value under the column's name, a categorical or boolean
 * column one-hot as "name=value" = 1 (Tribuo leaves absent features at 0, which is the rest of the one-hot), and a
 * missing cell as the indicator "name@missing" = 1 (and no value), so that "missing" is a state a tree can split on.
 * Category names come from each table's own text, so a synthetic category the real data never had is just a feature
 * the real rows never set.
 */
final class TribuoFeatures {
    private TribuoFeatures() {
    }

    /** The features of row {@code r} of {@code t}, every column but {@code target}, labelled {@code output}. */
    static <T extends Output<T>> ArrayExample<T> example(Table t, int r, int target, T output) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int c = 0; c < t.columns(); c++) {
            if (c == target) {
                continue;
            }
            String name = t.schema().column(c).name();
            if (t.isMissing(c, r)) {
                names.add(name + "@missing");
                values.add(1.0);
            } else if (t.type(c).numeric()) {
                names.add(name);
                values.add(t.number(c, r));
            } else {
                names.add(name + "=" + category(t, c, r));
                values.add(1.0);
            }
        }
        return new ArrayExample<>(output, names.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Row {@code r}'s category in column {@code c}; a boolean as "false"/"true" whatever the file's spelling. */
    static String category(Table t, int c, int r) {
        int k = t.code(c, r);
        return t.type(c) == ColumnType.BOOLEAN ? (k == 1 ? "true" : "false") : t.categories(c).get(k);
    }
}
