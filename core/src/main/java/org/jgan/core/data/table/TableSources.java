package org.jgan.core.data.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jgan.core.data.DataException;

/**
 * Opens a table by name or by path, as {@link org.jgan.core.data.DataSources} does for images. The named tables are
 * public data sets from the npm package vega-datasets ({@value #VEGA_DATASETS_VERSION}), which the project's set-up
 * ({@code scripts/install-tables}) installs under {@link #tablesDir()}:
 * <ul>
 *   <li>{@code seattle-weather}: 1461 days of Seattle weather, 2012-2015 (NOAA, via vega): a date, four continuous
 *       measurements with a zero-inflated precipitation, and a five-class "weather" label;</li>
 *   <li>{@code movies}: 3201 films (a JSON array) mixing categorical, integer, continuous and date columns, with
 *       missing values in most columns; its "Release Date" ("Jun 12 1998") is declared a date.</li>
 * </ul>
 * Any other text is a path: {@code .csv} (CSV), {@code .jsonl} (JSON lines) or {@code .json} (a JSON array of
 * objects). These are the kinds of tables CTGAN (Xu et al. 2019, "Modeling Tabular Data using Conditional GAN") was
 * built for: mixed column types, skewed and multi-modal numbers, imbalanced categories.
 */
public final class TableSources {
    /** The vega-datasets release the named tables come from; scripts/install-tables pins the same one. */
    public static final String VEGA_DATASETS_VERSION = "3.2.1";
    private static final Map<String, Named> NAMED = named();

    /** A named table: its file in the install folder and what is declared about its columns. */
    private record Named(String file, SchemaOverrides declared) {
    }

    private TableSources() {
    }

    private static Map<String, Named> named() {
        Map<String, Named> m = new LinkedHashMap<>();
        m.put("seattle-weather", new Named("seattle-weather.csv", SchemaOverrides.none()));
        // Inference knows ISO dates only; this column spells them "Jun 12 1998" (English month abbreviations).
        m.put("movies", new Named("movies.json", SchemaOverrides.none()
                .declare("Release Date", ColumnType.DATETIME, "MMM dd uuuu")));
        return m;
    }

    /** The names {@link #open} knows, in a fixed order. */
    public static List<String> names() {
        return List.copyOf(NAMED.keySet());
    }

    /** jgan's data folder: {@code JGAN_DATA} when set, else ~/.local/share/jgan (as scripts/install-tables uses). */
    public static Path dataDir() {
        String env = System.getenv("JGAN_DATA");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".local", "share", "jgan");
    }

    /** Where the named tables are installed: {@code dataDir()/tables/vega-datasets-VERSION}. */
    public static Path tablesDir() {
        return dataDir().resolve("tables").resolve("vega-datasets-" + VEGA_DATASETS_VERSION);
    }

    /** Whether named table {@code name} is installed; an IllegalArgumentException when there is no such name. */
    public static boolean installed(String name) {
        Named n = NAMED.get(name);
        if (n == null) {
            throw new IllegalArgumentException("\"" + name + "\" is not a named table (named tables: "
                    + String.join(", ", names()) + ")");
        }
        return Files.isRegularFile(tablesDir().resolve(n.file()));
    }

    /** The table {@code spec} names, every column's type inferred (or declared, for a named table). */
    public static Table open(String spec) {
        return open(spec, SchemaOverrides.none());
    }

    /**
     * The table {@code spec} names, read with {@code o}. For a named table, what {@code o} declares about a column
     * replaces what the name declares about it.
     */
    public static Table open(String spec, SchemaOverrides o) {
        return open(spec, o, tablesDir());
    }

    /** {@link #open(String, SchemaOverrides)} with the named tables looked for in {@code dir}. */
    static Table open(String spec, SchemaOverrides o, Path dir) {
        if (spec == null || spec.isBlank()) {
            throw new DataException("the table source is empty; give a named table (" + String.join(", ", names())
                    + ") or a .csv, .jsonl or .json file");
        }
        Named n = NAMED.get(spec);
        if (n != null) {
            Path file = dir.resolve(n.file());
            if (!Files.isRegularFile(file)) {
                throw new DataException("the table \"" + spec + "\" is not installed (no " + n.file() + " in " + dir
                        + "); run scripts/install-tables, which fetches it from vega-datasets "
                        + VEGA_DATASETS_VERSION + " on npm (JGAN_DATA chooses another data folder)");
            }
            return read(file, withDeclared(o, n.declared()));
        }
        Path file;
        try {
            file = Path.of(spec);
        } catch (java.nio.file.InvalidPathException e) {
            throw new DataException(spec + ": not a named table (" + String.join(", ", names()) + ") nor a valid "
                    + "file path (" + e.getReason() + ")");
        }
        String ext = extension(file);
        if (!Files.exists(file)) {
            String kind = ext.isEmpty() ? "not a named table (" + String.join(", ", names()) + ") nor a table file"
                    : "no such table file";
            throw new DataException(spec + ": " + kind + "; give a named table (" + String.join(", ", names())
                    + ") or a .csv, .jsonl or .json file");
        }
        return read(file, o);
    }

    private static Table read(Path file, SchemaOverrides o) {
        return switch (extension(file)) {
            case "csv" -> Table.readCsv(file, o);
            case "jsonl" -> Table.readJsonLines(file, o);
            case "json" -> Table.readJsonArray(file, o);
            default -> throw new DataException(file + ": not a table file jgan reads; a table file ends in .csv "
                    + "(CSV with a header row), .jsonl (JSON lines) or .json (a JSON array of objects)");
        };
    }

    /** {@code o} plus each declaration of {@code named} for a column {@code o} says nothing about. */
    private static SchemaOverrides withDeclared(SchemaOverrides o, SchemaOverrides named) {
        SchemaOverrides out = o;
        for (String column : named.declaredColumns()) {
            if (o.declared(column) == null) {
                SchemaOverrides.Declared d = named.declared(column);
                out = out.declare(column, d.type(), d.format(), d.season());
            }
        }
        return out;
    }

    /** The file name's extension in lower case, "" when it has none. */
    private static String extension(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
