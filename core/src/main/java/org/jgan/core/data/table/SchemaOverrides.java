package org.jgan.core.data.table;

import org.jgan.core.data.JsonFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgan.core.data.DataException;

/**
 * What a user says about a table's columns where {@link TableSchema}'s inference would guess wrong: a column's type
 * (and a date-time column's pattern), and extra cell texts that mean "missing". Read from a small JSON file:
 * <pre>{@code
 * {"columns": {"weather": "categorical", "date": {"type": "datetime", "format": "yyyy/MM/dd"}},
 *  "missing": ["NA", "null"]}
 * }</pre>
 * A date-time column declared without a format is read in whichever ISO pattern fits its values. A date-time column
 * spanning a year or more carries its place in the year into the models; {@code "season": false} in its declaration
 * leaves that out (a table whose dates are not seasonal), {@code "season": true} keeps it for a shorter span.
 * {@code "orderings": ["temp_min <= temp_max"]} lists the orderings between numeric columns of one type that every
 * generated row keeps ({@link OrderRules}), in place of those found in the training rows; {@code []} keeps none.
 * A column declared {@code "ignore"} is left out of the table, as an identifier column is without a declaration
 * ({@link IdentifierColumns}); a column declared with a type is never left out.
 * An empty or
 * whitespace-only cell (and a JSON null or absent field) is always missing; "missing" adds texts, compared after
 * trimming, letter case exact. Declaring a column the table lacks is an error when the table is read.
 */
public final class SchemaOverrides {
    private static final SchemaOverrides NONE = new SchemaOverrides("schema", Map.of(), Set.of(), Set.of(), null);

    /**
     * A declared column: its type and, for date-times, an optional pattern (null: inferred among ISO patterns) and
     * whether its season is modelled (null: decided from the data).
     */
    record Declared(ColumnType type, String format, Boolean season) {
    }

    /** The type name that leaves a column out. */
    static final String IGNORE = "ignore";

    private final String source;
    private final Map<String, Declared> columns;
    private final Set<String> missing;
    private final Set<String> ignored;
    /** Declared orderings, or null when the file has none (they are then found in the data). */
    private final List<Ordering> orderings;

    private SchemaOverrides(String source, Map<String, Declared> columns, Set<String> missing, Set<String> ignored,
                            List<Ordering> orderings) {
        this.source = source;
        this.columns = Map.copyOf(columns);
        this.missing = Set.copyOf(missing);
        this.ignored = Set.copyOf(ignored);
        this.orderings = orderings == null ? null : List.copyOf(orderings);
    }

    /**
     * {@code schema} as overrides: every column's type and date format, its missing texts and its declared orderings,
     * so that another file (a synthetic or held-out table, a run's saved training rows) is read the way
     * {@code schema}'s table was.
     */
    public static SchemaOverrides of(TableSchema schema) {
        SchemaOverrides o = none().missing(schema.missingTokens().toArray(String[]::new));
        for (ColumnSpec c : schema.columns()) {
            o = o.declare(c.name(), c.type(), c.format());
        }
        return o.orderings(schema.orderings());
    }

    /** Nothing declared: every column inferred, only empty cells missing. */
    public static SchemaOverrides none() {
        return NONE;
    }

    /** These overrides plus {@code column} declared as {@code type} ({@code format}: a date-time pattern or null). */
    public SchemaOverrides declare(String column, ColumnType type, String format) {
        return declare(column, type, format, null);
    }

    /**
     * These overrides plus {@code column} declared as {@code type}, {@code format} as above; {@code season} says
     * whether a date-time column's place in the year is modelled (null: when it spans a year or more).
     */
    public SchemaOverrides declare(String column, ColumnType type, String format, Boolean season) {
        Map<String, Declared> m = new LinkedHashMap<>(columns);
        m.put(column, checked(source, column, type, format, season));
        Set<String> ig = new LinkedHashSet<>(ignored);
        ig.remove(column);
        return new SchemaOverrides(source, m, missing, ig, orderings);
    }

    /** These overrides plus {@code column} left out of the table (as {@code "ignore"} in a schema file). */
    public SchemaOverrides ignore(String column) {
        Map<String, Declared> m = new LinkedHashMap<>(columns);
        m.remove(column);
        Set<String> ig = new LinkedHashSet<>(ignored);
        ig.add(column);
        return new SchemaOverrides(source, m, missing, ig, orderings);
    }

    /** These overrides plus {@code tokens} as texts that mean a missing value. */
    public SchemaOverrides missing(String... tokens) {
        Set<String> s = new LinkedHashSet<>(missing);
        for (String t : tokens) {
            s.add(t.trim());
        }
        return new SchemaOverrides(source, columns, s, ignored, orderings);
    }

    /**
     * These overrides with {@code orderings} declared: kept in every generated row, in place of the orderings found
     * in the training rows (null: found; empty: none kept).
     */
    public SchemaOverrides orderings(List<Ordering> orderings) {
        return new SchemaOverrides(source, columns, missing, ignored, orderings);
    }

    /** Reads a schema file (format above); every problem is a {@link DataException} naming the file. */
    public static SchemaOverrides load(Path file) {
        String src = file.toString();
        JsonNode root = JsonFiles.readTree(file, "schema");
        if (root == null || !root.isObject()) {
            throw new DataException(src + ": a schema file holds one JSON object with \"columns\" and/or \"missing\"");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("columns") && !k.equals("missing") && !k.equals("orderings")) {
                throw new DataException(src + ": unknown key \"" + k + "\" (a schema file has \"columns\", "
                        + "\"missing\" and \"orderings\")");
            }
        }
        Map<String, Declared> columns = new LinkedHashMap<>();
        Set<String> ignored = new LinkedHashSet<>();
        JsonNode cols = root.path("columns");
        if (!cols.isMissingNode() && !cols.isObject()) {
            throw new DataException(src + ": \"columns\" must map column names to types");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = cols.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual() && e.getValue().asText().trim().equalsIgnoreCase(IGNORE)) {
                ignored.add(e.getKey());
            } else {
                columns.put(e.getKey(), column(src, e.getKey(), e.getValue()));
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        JsonNode miss = root.path("missing");
        if (!miss.isMissingNode()) {
            if (!miss.isArray()) {
                throw new DataException(src + ": \"missing\" must be a list of texts, e.g. [\"NA\", \"null\"]");
            }
            for (JsonNode t : miss) {
                if (!t.isTextual()) {
                    throw new DataException(src + ": \"missing\" must hold texts, got " + t);
                }
                missing.add(t.asText().trim());
            }
        }
        return new SchemaOverrides(src, columns, missing, ignored, readOrderings(src, root.path("orderings")));
    }

    /** The "orderings" list of a schema file, or null when it has none. */
    private static List<Ordering> readOrderings(String src, JsonNode list) {
        try {
            return list.isMissingNode() ? null : Ordering.list(list);
        } catch (IllegalArgumentException e) {
            throw new DataException(src + ": " + e.getMessage());
        }
    }

    private static Declared column(String src, String name, JsonNode v) {
        String type;
        String format = null;
        Boolean season = null;
        if (v.isTextual()) {
            type = v.asText();
        } else if (v.isObject() && v.path("type").isTextual()) {
            type = v.get("type").asText();
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.equals("type") && !k.equals("format") && !k.equals("season")) {
                    throw new DataException(src + ": column \"" + name + "\": unknown key \"" + k + "\" (a column "
                            + "has \"type\" and, for a datetime, \"format\" and \"season\")");
                }
            }
            JsonNode sn = v.path("season");
            if (!sn.isMissingNode()) {
                if (!sn.isBoolean()) {
                    throw new DataException(src + ": column \"" + name + "\": \"season\" must be true or false, got "
                            + sn);
                }
                season = sn.asBoolean();
            }
            JsonNode f = v.path("format");
            if (!f.isMissingNode()) {
                if (!f.isTextual()) {
                    throw new DataException(src + ": column \"" + name + "\": \"format\" must be a date-time "
                            + "pattern such as \"yyyy-MM-dd\", got " + f);
                }
                format = f.asText();
            }
        } else {
            throw new DataException(src + ": column \"" + name + "\" must be a type name or {\"type\": ..., "
                    + "\"format\": ...}, got " + v);
        }
        ColumnType t = ColumnType.fromKey(type);
        if (t == null) {
            throw new DataException(src + ": column \"" + name + "\": unknown type \"" + type + "\", expected one of "
                    + ColumnType.keys() + " or \"" + IGNORE + "\" (a bare name: leaves the column out)");
        }
        return checked(src, name, t, format, season);
    }

    private static Declared checked(String src, String name, ColumnType type, String format, Boolean season) {
        if (type == null) {
            throw new DataException(src + ": column \"" + name + "\" needs a type, one of " + ColumnType.keys());
        }
        if (format != null && type != ColumnType.DATETIME) {
            throw new DataException(src + ": column \"" + name + "\": a format is only for datetime columns, "
                    + "this one is " + type.key());
        }
        if (season != null && type != ColumnType.DATETIME) {
            throw new DataException(src + ": column \"" + name + "\": a season is only for datetime columns, "
                    + "this one is " + type.key());
        }
        if (format != null) {
            try {
                DateTimes.of(format);
            } catch (IllegalArgumentException e) {
                throw new DataException(src + ": column \"" + name + "\": " + e.getMessage());
            }
        }
        return new Declared(type, format, season);
    }

    /** Where these came from, for messages. */
    String source() {
        return source;
    }

    /** The declared orderings, or null when none were declared. */
    List<Ordering> orderings() {
        return orderings;
    }

    Declared declared(String column) {
        return columns.get(column);
    }

    /** The declared column names, in no particular order. */
    List<String> declaredColumns() {
        return List.copyOf(columns.keySet());
    }

    /** Whether {@code column} is declared "ignore". */
    boolean isIgnored(String column) {
        return ignored.contains(column);
    }

    /** Column names declared (with a type or "ignore") that the table does not have, sorted. */
    List<String> unknownColumns(List<String> names) {
        return java.util.stream.Stream.concat(columns.keySet().stream(), ignored.stream())
                .filter(c -> !names.contains(c)).sorted().toList();
    }

    boolean isMissing(String cell) {
        return cell == null || cell.isBlank() || missing.contains(cell.trim());
    }

    /** The extra missing texts, sorted, for the record of how a table was read. */
    List<String> missingTokens() {
        return missing.stream().sorted().toList();
    }
}
