package org.jgan.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.jgan.api.GanModel;
import org.jgan.api.Jgan;
import org.jgan.core.config.ConfigException;
import org.jgan.core.data.table.ColumnType;
import org.jgan.core.data.table.Table;

/**
 * One partition of {@link SparkGenerator#rows}: the table run loaded once, each request (seed, count, conditions)
 * becoming the {@code count} rows {@code GanModel.sampleRows(count, seed, where)} gives, one output row each.
 */
final class RowsPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String run;

    RowsPartition(String run) {
        this.run = run;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> requests) throws Exception {
        List<Row> out = new ArrayList<>();
        if (!requests.hasNext()) {
            return out.iterator();
        }
        SparkTorch.ensure();
        try (GanModel model = Jgan.load(Path.of(run))) {
            while (requests.hasNext()) {
                Row q = requests.next();
                long seed = q.getLong(q.fieldIndex(SparkGenerator.SEED));
                int count = q.getInt(q.fieldIndex(SparkGenerator.COUNT));
                String where = q.schema().getFieldIndex(SparkGenerator.WHERE).isDefined()
                        && !q.isNullAt(q.fieldIndex(SparkGenerator.WHERE)) ? q.getString(q.fieldIndex(SparkGenerator.WHERE))
                        : "";
                Table t = model.sampleRows(count, seed, conditions(where));
                for (int r = 0; r < t.rows(); r++) {
                    Object[] v = new Object[t.columns() + 2];
                    v[0] = seed;
                    v[1] = r;
                    for (int c = 0; c < t.columns(); c++) {
                        v[c + 2] = t.isMissing(c, r) ? null : value(t, c, r);
                    }
                    out.add(RowFactory.create(v));
                }
            }
        }
        return out.iterator();
    }

    static Object value(Table t, int c, int r) {
        ColumnType type = t.type(c);
        return type == ColumnType.CONTINUOUS ? (Object) t.number(c, r)
                : type == ColumnType.INTEGER ? (Object) (long) t.number(c, r) : t.cell(c, r);
    }

    /** "weather=snow,wind_class=high" as conditions; empty for none. */
    static Map<String, String> conditions(String where) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : where.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("request condition \"" + part + "\": give COLUMN=VALUE");
            }
            m.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return m;
    }
}
