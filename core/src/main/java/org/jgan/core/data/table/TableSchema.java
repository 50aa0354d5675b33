package org.jgan.core.data.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgan.core.data.DataException;

/**
 * The columns of a {@link Table}, each with its {@link ColumnType}, and the cell texts that were read as missing.
 * Types are inferred from the data by the rules of {@link TypeInference} (boolean, then integer, decimal, ISO
 * date-time, else categorical; integers with a handful of frequent values are categorical) unless a
 * {@link SchemaOverrides} file declares them. CTGAN (Xu et al. 2019, "Modeling Tabular Data using Conditional GAN")
 * asks the user to list the discrete columns; inferring them with the rules written down here, and letting a file
 * correct them, gives the same control with less to type.
 */
public final class TableSchema {
    private final List<ColumnSpec> columns;
    private final List<String> missingTokens;
    /** The orderings a schema file declared, or null when none was declared (they are found in the data). */
    private final List<Ordering> orderings;

    /**
     * @param columns       the columns, in order; names distinct
     * @param missingTokens texts read as missing besides empty cells
     */
    public TableSchema(List<ColumnSpec> columns, List<String> missingTokens) {
        this(columns, missingTokens, null);
    }

    /**
     * As above, with the orderings between columns that a schema file declared ({@code null}: none declared, so
     * {@link OrderRules} finds them in the training rows; empty: no orderings are kept). Each must name two numeric
     * columns of the same type.
     */
    public TableSchema(List<ColumnSpec> columns, List<String> missingTokens, List<Ordering> orderings) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("a table schema needs at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (ColumnSpec c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("column name \"" + c.name() + "\" appears twice in the schema");
            }
        }
        this.columns = List.copyOf(columns);
        this.missingTokens = List.copyOf(missingTokens);
        this.orderings = orderings == null ? null : List.copyOf(orderings);
        List<Ordering> declared = orderings == null ? List.of() : this.orderings;
        checkAcyclic(declared);
        for (Ordering o : declared) {
            int lo = indexOf(o.low());
            int hi = indexOf(o.high());
            if (lo < 0 || hi < 0) {
                throw new IllegalArgumentException("ordering \"" + o + "\" names a column the table does not have "
                        + "(its columns: \"" + String.join("\", \"", names()) + "\")");
            }
            ColumnType a = column(lo).type();
            if (!a.numeric() || a != column(hi).type()) {
                throw new IllegalArgumentException("ordering \"" + o + "\" needs two numeric columns of one type "
                        + "(continuous, integer or datetime), got " + a.key() + " and " + column(hi).type().key());
            }
        }
    }

    /**
     * Refuses orderings declared twice or in a cycle ({@code a <= b} and {@code b <= a}, or longer): rows could keep
     * a cycle only with all its values equal, which no table means.
     */
    private static void checkAcyclic(List<Ordering> orderings) {
        Set<Ordering> seen = new HashSet<>();
        for (Ordering o : orderings) {
            if (!seen.add(o)) {
                throw new IllegalArgumentException("ordering \"" + o + "\" is declared twice");
            }
        }
        for (Ordering o : orderings) {  // a cycle through o: high reaches low again
            List<String> path = new ArrayList<>(List.of(o.low(), o.high()));
            if (reaches(orderings, o.high(), o.low(), path, new HashSet<>())) {
                throw new IllegalArgumentException("orderings form a cycle, " + String.join(" <= ", path)
                        + ": rows could keep it only with all those values equal; declare each order once");
            }
        }
    }

    /** Whether {@code to} can be reached from {@code from} along the orderings; {@code path} gets the way. */
    private static boolean reaches(List<Ordering> orderings, String from, String to, List<String> path,
                                   Set<String> visited) {
        for (Ordering o : orderings) {
            if (o.low().equals(from) && visited.add(o.high())) {
                path.add(o.high());
                if (o.high().equals(to) || reaches(orderings, o.high(), to, path, visited)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }

    /** The schema of {@code raw}: declared types where {@code o} has them, inferred ones elsewhere. */
    static TableSchema infer(RawTable raw, SchemaOverrides o) {
        // declared columns the table lacks were refused before (IdentifierColumns.cut), where ignored ones are too
        List<ColumnSpec> specs = new ArrayList<>();
        for (int c = 0; c < raw.names().size(); c++) {
            String name = raw.names().get(c);
            SchemaOverrides.Declared d = o.declared(name);
            if (d == null) {
                specs.add(TypeInference.infer(raw, c, o));
            } else if (d.type() == ColumnType.DATETIME && d.format() == null) {
                specs.add(new ColumnSpec(name, d.type(), TypeInference.isoPattern(raw, c, o), d.season()));
            } else {
                specs.add(new ColumnSpec(name, d.type(), d.format(), d.season()));
            }
        }
        try {
            return new TableSchema(specs, o.missingTokens(), o.orderings());
        } catch (IllegalArgumentException e) {
            throw new DataException(o.source() + ": " + e.getMessage());
        }
    }

    public List<ColumnSpec> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    public ColumnSpec column(int i) {
        return columns.get(i);
    }

    /** The position of column {@code name}, or -1 when there is none. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> names() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    /** Texts that were read as missing besides empty cells (from the schema file's "missing"). */
    public List<String> missingTokens() {
        return missingTokens;
    }

    /**
     * The orderings declared for this table, or null when none were (then {@link OrderRules} finds them in the
     * training rows).
     */
    public List<Ordering> orderings() {
        return orderings;
    }

    @Override
    public String toString() {
        return String.join(", ", columns.stream().map(c -> c.name() + ": " + c.type().key()
                + (c.format() == null ? "" : " (" + c.format() + (c.season() == null ? ""
                : c.season() ? ", season" : ", no season") + ")")).toList());
    }
}
