package org.jgan.core.data.table;

import org.jgan.core.data.JsonFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jgan.core.data.DataException;

/**
 * Turns table rows into the vectors a CTGAN-style generator writes and back, Xu et al. 2019, "Modeling Tabular Data
 * using Conditional GAN", section 4.2. Per column, in table order:
 * <ul>
 * <li>continuous, integer, datetime: [alpha, mode one-hot] of a {@link ModeSpecificNormalizer}, then [present,
 * missing] when the column had missing values;</li>
 * <li>categorical, boolean: a one-hot over the categories seen, with one more position for missing when the column
 * had missing values.</li>
 * </ul>
 * {@link #spans()} says which activation writes each stretch (tanh for alpha, Gumbel-softmax for each one-hot);
 * {@link #discreteSpans()} are the categorical and boolean columns, over which CTGAN builds its conditional vector
 * (a numeric column's missing flag is not a column and is not among them).
 *
 * <p>Back from vectors ({@link #inverse}): one-hots by argmax, numbers mirrored into the training range and rounded to
 * the column's grain, missing where the flag says so. The fitted state saves to JSON ({@link #save}) so that it can
 * travel with a run and its checkpoints.
 */
public final class TableTransformer {
    static final String FORMAT = "jgan-table-transformer";
    static final int VERSION = 1;

    private final TableSchema schema;
    private final List<ColumnEncoder> encoders;
    private final int[] offsets;
    private final int width;
    private final List<OutputSpan> spans = new ArrayList<>();

    private TableTransformer(TableSchema schema, List<ColumnEncoder> encoders) {
        this.schema = schema;
        this.encoders = List.copyOf(encoders);
        offsets = new int[encoders.size()];
        int w = 0;
        for (int c = 0; c < encoders.size(); c++) {
            offsets[c] = w;
            encoders.get(c).spans(c, w, spans);
            w += encoders.get(c).width();
        }
        width = w;
    }

    /** Fits every column of {@code t}; the mixtures of numeric columns are seeded from {@code seed}. */
    public static TableTransformer fit(Table t, long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        List<ColumnEncoder> enc = new ArrayList<>();
        for (int c = 0; c < t.columns(); c++) {
            long s = seeds.nextLong(); // drawn for every column, so a column's seed does not depend on the types
            enc.add(t.type(c).numeric() ? NumericEncoder.fit(t, c, s) : CategoryEncoder.fit(t, c));
        }
        return new TableTransformer(t.schema(), enc);
    }

    /**
     * Checks that the orderings the schema declares pair columns written alike: an ordering is kept by swapping two
     * values, which a value of another grain would not survive. A {@link DataException} names {@code source} (the
     * schema file), the ordering and both grains.
     */
    public void checkOrderings(String source) {
        for (Ordering o : schema.orderings() == null ? List.<Ordering>of() : schema.orderings()) {
            int a = schema.indexOf(o.low());
            int b = schema.indexOf(o.high());
            if (!sameGrain(a, b)) {
                throw new DataException(source + ": ordering \"" + o + "\": \"" + o.low() + "\" holds "
                        + ((NumericEncoder) encoders.get(a)).grain() + ", \"" + o.high() + "\" "
                        + ((NumericEncoder) encoders.get(b)).grain() + " (in the training rows), so a value moved "
                        + "between them would need rounding; orderings pair columns written alike");
            }
        }
    }

    /** The columns it was fit on; {@link #inverse} makes tables of this schema. */
    public TableSchema schema() {
        return schema;
    }

    /** Length of one row's vector. */
    public int width() {
        return width;
    }

    /** Every stretch of the row vector in order, covering it without gaps. */
    public List<OutputSpan> spans() {
        return List.copyOf(spans);
    }

    /** The one-hot spans of categorical and boolean columns: what CTGAN's conditional vector chooses among. */
    public List<OutputSpan> discreteSpans() {
        return spans.stream().filter(s -> s.part().equals("category")).toList();
    }

    /**
     * The categories of categorical or boolean column {@code column} in its one-hot's order (a {@code null} entry
     * stands for missing, when the column had missing values), or null when there is no such discrete column.
     */
    public List<String> categories(String column) {
        for (ColumnEncoder e : encoders) {
            if (e.spec().name().equals(column) && e instanceof CategoryEncoder c) {
                return java.util.Collections.unmodifiableList(c.slotLabels());
            }
        }
        return null;
    }

    /**
     * All rows of {@code t} as one row-major array (rows x {@link #width}), each numeric value's mode drawn from its
     * probabilities as CTGAN encodes training data, missing numbers filled with the column mean; the same seed gives
     * the same array.
     */
    public float[] transform(Table t, long seed) {
        return transform(t, seed, MissingFill.MEAN);
    }

    /** Like {@link #transform(Table, long)}, with missing numbers' value parts filled as {@code fill} says. */
    public float[] transform(Table t, long seed, MissingFill fill) {
        return transform(t, new SplittableRandom(seed), java.util.Objects.requireNonNull(fill, "fill"));
    }

    /** Like {@link #transform(Table, long)} with each value in its likeliest mode: the same array on every call. */
    public float[] transformLikeliest(Table t) {
        return transform(t, null, MissingFill.MEAN);
    }

    private float[] transform(Table t, RandomGenerator rng, MissingFill fill) {
        check(t);
        float[] out = new float[Math.multiplyExact(t.rows(), width)];
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < encoders.size(); c++) {
                encoders.get(c).encode(t, c, r, out, r * width + offsets[c], rng, fill);
            }
        }
        return out;
    }

    private void check(Table t) {
        List<ColumnSpec> have = t.schema().columns();
        boolean same = have.size() == encoders.size();
        for (int c = 0; same && c < have.size(); c++) {
            same = have.get(c).name().equals(schema.column(c).name()) && have.get(c).type() == schema.column(c).type();
        }
        if (!same) {
            throw new DataException("the table's columns (" + t.schema() + ") are not the ones the table transformer "
                    + "was fit on (" + schema + ")");
        }
        for (int c = 0; c < encoders.size(); c++) {
            encoders.get(c).check(t, c);
        }
    }

    /** The table that {@code rows} vectors (row-major, as {@link #transform} makes them or a generator writes) mean. */
    public Table inverse(float[] data, int rows) {
        return inverse(data, rows, null);
    }

    /**
     * As {@link #inverse(float[], int)}, each numeric column's decoded values then moved by {@code calibration}
     * (null: not moved) before they are rounded to the column's grain.
     */
    public Table inverse(float[] data, int rows, MarginalCalibration calibration) {
        return inverse(data, rows, calibration, OrderRules.none());
    }

    /**
     * As {@link #inverse(float[], int, MarginalCalibration)}, then each row put in the orderings of {@code order}
     * between columns of the same grain ({@link #sameGrain}; a rule between others is left out).
     */
    public Table inverse(float[] data, int rows, MarginalCalibration calibration, OrderRules order) {
        if (rows < 1 || data.length != (long) rows * width) {
            throw new IllegalArgumentException("expected " + rows + " rows of " + width + " values (" + (long) rows
                    * width + "), got " + data.length + " values");
        }
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < encoders.size(); c++) {
            int col = c;
            cols.add(encoders.get(c).decode(data, rows, width, offsets[c], calibration == null
                    || !calibration.moves(c) ? null : x -> calibration.apply(col, x)));
        }
        OrderRules sameGrain = order.where(this::sameGrain);
        if (!sameGrain.rules().isEmpty()) {
            // a swap moves a value into a column of its own grain, so nothing needs rounding again
            double[][] values = new double[cols.size()][];
            for (int c = 0; c < cols.size(); c++) {
                values[c] = cols.get(c).numbers;
            }
            sameGrain.repair(values, rows);
        }
        return new Table(schema, cols);
    }

    /**
     * Column {@code c}'s decoded values before rounding, of the rows of {@code data} where it is present and not a
     * point mass; null for a column {@link MarginalCalibration} leaves alone (categories, seasonal dates).
     */
    double[] calibratableValues(int c, float[] data, int rows) {
        if (!(encoders.get(c) instanceof NumericEncoder n) || !n.calibrates()) {
            return null;
        }
        double[] seen = new double[rows];
        int[] count = {0};
        n.decode(data, rows, width, offsets[c], x -> {
            seen[count[0]++] = x;
            return x;
        });
        return java.util.Arrays.copyOf(seen, count[0]);
    }

    /**
     * Whether columns {@code a} and {@code b} both hold numbers on the same grain (whole numbers, the same decimal
     * places, the same date-time step): a value of one is then a value the other can hold.
     */
    public boolean sameGrain(int a, int b) {
        return encoders.get(a) instanceof NumericEncoder x && encoders.get(b) instanceof NumericEncoder y
                && x.sameGrain(y);
    }

    /** Whether column {@code c} holds numbers and {@code x} is one of its point masses. */
    boolean isPointMass(int c, double x) {
        return encoders.get(c) instanceof NumericEncoder n && n.isPointMass(x);
    }

    /** Writes the fitted state as JSON, whole or not at all. */
    public void save(Path file) {
        JsonFiles.write(file, toJson(), "table transformer");
    }

    /**
     * Whether {@code file} holds this fitted state as {@link #save} writes it (compared as parsed JSON, so layout does
     * not count), declared orderings aside (they change how rows are put in order after sampling, not what a row
     * vector means); a file that is missing or is not JSON is a {@link DataException} naming it.
     */
    public boolean isSavedIn(Path file) {
        try {
            JsonNode saved = JsonFiles.readTree(file, "table transformer");
            ObjectNode now = toJson();
            if (saved instanceof ObjectNode o) {  // orderings change only how rows are sampled: not compared
                o.remove("orderings");
            }
            now.remove("orderings");
            return JsonFiles.JSON.writeValueAsString(saved).equals(JsonFiles.JSON.writeValueAsString(now));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written back", e);
        }
    }

    private ObjectNode toJson() {
        ObjectNode root = JsonFiles.start(FORMAT, VERSION);
        schema.missingTokens().forEach(root.putArray("missingTokens")::add);
        if (schema.orderings() != null) {  // absent: found in the training rows, as runs before the key had it
            ArrayNode declared = root.putArray("orderings");
            schema.orderings().forEach(o -> declared.add(o.toString()));
        }
        ArrayNode cols = root.putArray("columns");
        for (ColumnEncoder e : encoders) {
            ObjectNode o = cols.addObject().put("name", e.spec().name()).put("type", e.spec().type().key());
            if (e.spec().format() != null) {
                o.put("format", e.spec().format());
            }
            o.setAll(e.toJson());
        }
        return root;
    }

    /** Reads what {@link #save} wrote; every problem is a {@link DataException} naming the file. */
    public static TableTransformer load(Path file) {
        JsonNode root = JsonFiles.read(file, FORMAT, VERSION, "table transformer");
        try {
            List<String> tokens = new ArrayList<>();
            root.path("missingTokens").forEach(n -> tokens.add(n.asText()));
            List<ColumnSpec> specs = new ArrayList<>();
            List<ColumnEncoder> enc = new ArrayList<>();
            for (JsonNode o : root.path("columns")) {
                ColumnType type = ColumnType.fromKey(o.path("type").asText(""));
                ColumnSpec spec = new ColumnSpec(o.path("name").asText(""), type,
                        o.path("format").isTextual() ? o.get("format").asText() : null);
                specs.add(spec);
                enc.add(type.numeric() ? NumericEncoder.fromJson(spec, o) : CategoryEncoder.fromJson(spec, o));
            }
            List<Ordering> orderings = root.has("orderings") ? Ordering.list(root.get("orderings")) : null;
            return new TableTransformer(new TableSchema(specs, tokens, orderings), enc);
        } catch (IllegalArgumentException e) {
            throw new DataException(file + ": bad table transformer: " + e.getMessage(), e);
        }
    }
}
