package org.jgan.core.data.table;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.jgan.core.data.DataException;
import org.jgan.core.train.AtomicFiles;

/**
 * A table held column by column, each value parsed by its column's {@link ColumnType}: numbers as doubles (NaN where
 * missing), categories and booleans as codes (-1 where missing). The data side of CTGAN (Xu et al. 2019, "Modeling
 * Tabular Data using Conditional GAN"); a {@link TableTransformer} turns its rows into network inputs and back.
 *
 * <p>Read from CSV (RFC 4180, header row required, UTF-8), JSON lines (one object per line) or a JSON array of
 * objects (one per row); in JSON a field absent from a row is missing there. A cell is missing when it is empty or
 * blank, a JSON null, or one of the schema file's "missing" texts; missing is kept as its own state, never filled
 * in. Written back as CSV with missing values as empty cells, integers without a decimal point, dates in their
 * column's format. {@link TableSources} opens a table by name or by path.
 */
public final class Table {
    private final TableSchema schema;
    private final List<Column> columns;
    private final int rows;
    /** Columns of the file left out, each with its note, in the file's order. */
    private final Map<String, String> leftOut;

    Table(TableSchema schema, List<Column> columns) {
        this(schema, columns, Map.of());
    }

    Table(TableSchema schema, List<Column> columns, Map<String, String> leftOut) {
        if (columns.size() != schema.size()) {
            throw new IllegalArgumentException(columns.size() + " columns for a schema of " + schema.size());
        }
        this.rows = columns.get(0).missing.length;
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).missing.length != rows || !columns.get(c).spec.equals(schema.column(c))) {
                throw new IllegalArgumentException("column " + c + " does not fit the schema or the row count");
            }
        }
        this.schema = schema;
        this.columns = List.copyOf(columns);
        this.leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    }

    /** Reads a CSV table, inferring every column's type. */
    public static Table readCsv(Path file) {
        return readCsv(file, SchemaOverrides.none());
    }

    /** Reads a CSV table; columns {@code o} declares take its types, the others are inferred. */
    public static Table readCsv(Path file, SchemaOverrides o) {
        return parse(TableReaders.csv(file), o);
    }

    /** Reads a JSON lines table, inferring every column's type. */
    public static Table readJsonLines(Path file) {
        return readJsonLines(file, SchemaOverrides.none());
    }

    /** Reads a JSON lines table; columns {@code o} declares take its types, the others are inferred. */
    public static Table readJsonLines(Path file, SchemaOverrides o) {
        return parse(TableReaders.jsonLines(file), o);
    }

    /** Reads a table stored as one JSON array of objects (one per row), inferring every column's type. */
    public static Table readJsonArray(Path file) {
        return readJsonArray(file, SchemaOverrides.none());
    }

    /** Reads a JSON array of objects; columns {@code o} declares take its types, the others are inferred. */
    public static Table readJsonArray(Path file, SchemaOverrides o) {
        return parse(JsonArrayReader.read(file), o);
    }

    private static Table parse(RawTable read, SchemaOverrides o) {
        IdentifierColumns.Cut cut = IdentifierColumns.cut(read, o);
        RawTable raw = cut.raw();
        TableSchema schema = TableSchema.infer(raw, o);
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            cols.add(Column.parse(raw, c, schema.column(c), o));
        }
        return new Table(schema, cols, cut.leftOut());
    }

    /** Writes the table as UTF-8 CSV, whole or not at all (see the class comment for how cells are written). */
    public void writeCsv(Path file) {
        try {
            AtomicFiles.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, TableReaders.CSV);
                p.printRecord(schema.names());
                String[] cells = new String[columns.size()];
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = columns.get(c).cell(r);
                    }
                    p.printRecord((Object[]) cells);
                }
                p.flush();
            });
        } catch (IOException e) {
            throw new DataException(file + ": cannot write the table (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes the table as JSON lines, whole or not at all: one object per row, numbers as JSON numbers (integers
     * without a decimal point), categories, booleans and date-times as the text the CSV holds, a missing value as
     * null. {@link #readJsonLines} reads it back with the same columns.
     */
    public void writeJsonLines(Path file) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            AtomicFiles.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                for (int r = 0; r < rows; r++) {
                    com.fasterxml.jackson.databind.node.ObjectNode o = json.createObjectNode();
                    for (int c = 0; c < columns.size(); c++) {
                        String name = schema.column(c).name();
                        if (isMissing(c, r)) {
                            o.putNull(name);
                        } else if (type(c) == ColumnType.CONTINUOUS) {
                            o.put(name, new java.math.BigDecimal(columns.get(c).cell(r)));
                        } else if (type(c) == ColumnType.INTEGER) {
                            o.put(name, (long) number(c, r));
                        } else {
                            o.put(name, columns.get(c).cell(r));
                        }
                    }
                    w.write(json.writeValueAsString(o));
                    w.write('\n');
                }
                w.flush();
            });
        } catch (IOException e) {
            throw new DataException(file + ": cannot write the table (" + e.getMessage() + ")", e);
        }
    }

    /** The rows {@code rows} of this table, in that order (a row may repeat); categories and their codes kept. */
    public Table select(int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a table needs at least one row");
        }
        int[][] same = new int[columns.size()][];
        java.util.Arrays.fill(same, rows);
        return gather(same);
    }

    /**
     * A table of {@code rows[0].length} rows whose column {@code c} holds rows {@code rows[c]} of this table's column
     * {@code c}: each column may take different rows, which is how a baseline that draws every column on its own is
     * built. Categories (and so codes) are kept; a missing cell stays missing.
     */
    public Table gather(int[][] rows) {
        if (rows.length != columns.size()) {
            throw new IllegalArgumentException(rows.length + " row lists for " + columns.size() + " columns");
        }
        List<Column> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            int[] pick = rows[c];
            if (pick.length != rows[0].length) {
                throw new IllegalArgumentException("column " + c + " takes " + pick.length + " rows, column 0 "
                        + rows[0].length);
            }
            double[] numbers = col.numbers == null ? null : new double[pick.length];
            int[] codes = col.codes == null ? null : new int[pick.length];
            boolean[] missing = new boolean[pick.length];
            for (int r = 0; r < pick.length; r++) {
                if (numbers != null) {
                    numbers[r] = col.numbers[pick[r]];
                }
                if (codes != null) {
                    codes[r] = col.codes[pick[r]];
                }
                missing[r] = col.missing[pick[r]];
            }
            out.add(new Column(col.spec, numbers, codes, missing, col.categories));
        }
        return new Table(schema, out, leftOut);
    }

    /**
     * The columns of the file that this table left out, one note each saying why ("Title: left out as an identifier
     * (3176 distinct values in 3201 rows ...)"); empty when none was.
     */
    public List<String> leftOut() {
        return List.copyOf(leftOut.values());
    }

    /** The names of the columns {@link #leftOut} speaks of, in the file's order. */
    public List<String> leftOutColumns() {
        return List.copyOf(leftOut.keySet());
    }

    public TableSchema schema() {
        return schema;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns.size();
    }

    /** The position of column {@code name}; an IllegalArgumentException naming the columns when there is none. */
    public int columnIndex(String name) {
        int i = schema.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("the table has no column \"" + name + "\" (its columns: "
                    + String.join(", ", schema.names()) + ")");
        }
        return i;
    }

    public ColumnType type(int c) {
        return schema.column(c).type();
    }

    public boolean isMissing(int c, int r) {
        return columns.get(c).missing[r];
    }

    public int missingCount(int c) {
        return columns.get(c).missingCount();
    }

    /** The share of rows where column {@code c} is missing, 0..1. */
    public double missingRate(int c) {
        return (double) missingCount(c) / rows;
    }

    /**
     * Row {@code r} of numeric column {@code c}: the number, an integer's whole value, a date-time's seconds since
     * 1970-01-01T00:00Z; NaN where missing.
     */
    public double number(int c, int r) {
        Column col = columns.get(c);
        if (col.numbers == null) {
            throw new IllegalArgumentException("column \"" + col.spec.name() + "\" is " + col.spec.type().key()
                    + ", not numeric: read its category codes");
        }
        return col.numbers[r];
    }

    /** Row {@code r} of categorical or boolean column {@code c}: an index into {@link #categories}, -1 where missing. */
    public int code(int c, int r) {
        Column col = columns.get(c);
        if (col.codes == null) {
            throw new IllegalArgumentException("column \"" + col.spec.name() + "\" is " + col.spec.type().key()
                    + ", not categorical or boolean: read its numbers");
        }
        return col.codes[r];
    }

    /**
     * The categories of discrete column {@code c} in code order: first appearance in the file; for a boolean column
     * [false, true] as the file spelt them. Empty for a numeric column.
     */
    public List<String> categories(int c) {
        List<String> cats = columns.get(c).categories;
        return cats == null ? List.of() : cats;
    }

    /** Row {@code r} of column {@code c} as it is written to CSV; "" where missing. */
    public String cell(int c, int r) {
        return columns.get(c).cell(r);
    }

    Column column(int c) {
        return columns.get(c);
    }
}
