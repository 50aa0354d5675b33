package org.jgan.core.data.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jgan.core.data.DataException;

/**
 * A categorical or boolean column in the row vector: a one-hot over the categories seen when fitting, in the table's
 * code order, plus a last position for "missing" when the column had missing values (CTGAN's one-hot encoder treats
 * a missing value as one more category). Read back by argmax, so a category never seen in training never appears.
 */
final class CategoryEncoder implements ColumnEncoder {
    private final ColumnSpec spec;
    /** The table's categories (for a boolean column, its false and true spellings). */
    private final List<String> categories;
    /** The codes seen when fitting, in one-hot order. */
    private final int[] seen;
    private final boolean hasMissing;
    private final Map<String, Integer> slotOfLabel = new HashMap<>();
    private final int[] slotOfCode;

    CategoryEncoder(ColumnSpec spec, List<String> categories, int[] seen, boolean hasMissing) {
        this.spec = spec;
        this.categories = List.copyOf(categories);
        this.seen = seen.clone();
        this.hasMissing = hasMissing;
        slotOfCode = new int[categories.size()];
        Arrays.fill(slotOfCode, -1);
        for (int s = 0; s < seen.length; s++) {
            if (seen[s] < 0 || seen[s] >= categories.size() || slotOfCode[seen[s]] >= 0) {
                throw new IllegalArgumentException("column \"" + spec.name() + "\": seen codes " + Arrays.toString(seen)
                        + " must be distinct indices into its " + categories.size() + " categories");
            }
            slotOfCode[seen[s]] = s;
            slotOfLabel.put(categories.get(seen[s]), s);
        }
        if (seen.length == 0 && !hasMissing) {
            throw new IllegalArgumentException("column \"" + spec.name() + "\" has neither categories nor missing "
                    + "values");
        }
    }

    static CategoryEncoder fit(Table t, int c) {
        boolean[] present = new boolean[t.categories(c).size()];
        for (int r = 0; r < t.rows(); r++) {
            int code = t.code(c, r);
            if (code >= 0) {
                present[code] = true;
            }
        }
        int[] seen = new int[present.length];
        int n = 0;
        for (int k = 0; k < present.length; k++) {
            if (present[k]) {
                seen[n++] = k;
            }
        }
        return new CategoryEncoder(t.schema().column(c), t.categories(c), Arrays.copyOf(seen, n),
                t.missingCount(c) > 0);
    }

    @Override
    public ColumnSpec spec() {
        return spec;
    }

    @Override
    public int width() {
        return seen.length + (hasMissing ? 1 : 0);
    }

    @Override
    public void spans(int column, int start, List<OutputSpan> out) {
        out.add(new OutputSpan(spec.name(), column, "category", start, width(), SpanKind.SOFTMAX));
    }

    /** The one-hot position of row {@code r}'s value, or -1 when this encoder has none for it. */
    private int slot(Table t, int c, int r) {
        int code = t.code(c, r);
        if (code < 0) {
            return hasMissing ? seen.length : -1;
        }
        // Booleans by code: another file may spell true as "yes". Categories by label: codes depend on file order.
        Integer s = spec.type() == ColumnType.BOOLEAN ? (Integer) slotOfCode[code] : slotOfLabel.get(t.categories(c)
                .get(code));
        return s == null ? -1 : s;
    }

    @Override
    public void check(Table t, int c) {
        for (int r = 0; r < t.rows(); r++) {
            if (slot(t, c, r) < 0) {
                String what = t.code(c, r) < 0 ? "a missing value" : "category \"" + t.cell(c, r) + "\"";
                throw new DataException("column \"" + spec.name() + "\", row " + (r + 1) + ": " + what + " was not "
                        + "seen when the table transformer was fit (it knows " + known() + ")");
            }
        }
    }

    /** The one-hot's labels in slot order; "missing" names the last slot when the column had missing values. */
    List<String> slotLabels() {
        List<String> k = new ArrayList<>();
        for (int code : seen) {
            k.add(categories.get(code));
        }
        if (hasMissing) {
            k.add(null);
        }
        return k;
    }

    private String known() {
        List<String> k = new ArrayList<>();
        for (int code : seen) {
            k.add(categories.get(code));
        }
        if (hasMissing) {
            k.add("missing");
        }
        return k.toString();
    }

    @Override
    public void encode(Table t, int c, int r, float[] out, int offset, RandomGenerator rng, MissingFill fill) {
        Arrays.fill(out, offset, offset + width(), 0f);
        out[offset + slot(t, c, r)] = 1f;
    }

    @Override
    public Column decode(float[] data, int rows, int stride, int offset,
            java.util.function.DoubleUnaryOperator adjust) {
        int[] codes = new int[rows];
        boolean[] missing = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            int s = ColumnEncoder.argmax(data, r * stride + offset, width());
            missing[r] = s == seen.length;
            codes[r] = missing[r] ? -1 : seen[s];
        }
        return new Column(spec, null, codes, missing, categories);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("missing", hasMissing);
        categories.forEach(o.putArray("categories")::add);
        Arrays.stream(seen).forEach(o.putArray("seen")::add);
        return o;
    }

    static CategoryEncoder fromJson(ColumnSpec spec, JsonNode o) {
        JsonNode cats = o.path("categories");
        JsonNode seen = o.path("seen");
        if (!o.path("missing").isBoolean() || !cats.isArray() || !seen.isArray()) {
            throw new IllegalArgumentException("column \"" + spec.name() + "\" needs \"missing\", \"categories\" and "
                    + "\"seen\"");
        }
        List<String> c = new ArrayList<>();
        cats.forEach(n -> c.add(n.asText()));
        int[] s = new int[seen.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = seen.get(i).asInt(-1);
        }
        if (spec.type() == ColumnType.BOOLEAN && c.size() != 2) {
            throw new IllegalArgumentException("boolean column \"" + spec.name() + "\" needs its two spellings");
        }
        return new CategoryEncoder(spec, c, s, o.get("missing").asBoolean());
    }
}
