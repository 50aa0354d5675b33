package org.jgan.core.data.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jgan.core.data.DataException;

/**
 * Reads CSV (RFC 4180, via Apache Commons CSV) and JSON lines files into {@link RawTable}s, checking their shape;
 * {@link JsonArrayReader} reads JSON arrays of objects.
 */
final class TableReaders {
    /**
     * RFC 4180 with blank lines skipped. A blank line and a line holding only {@code ""} read alike through most CSV
     * readers, but not this one: it keeps {@code ""} as an empty cell, which is how a one-column table writes a
     * missing value.
     */
    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setRecordSeparator('\n').get();
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private TableReaders() {
    }

    static RawTable csv(Path file) {
        String src = file.toString();
        try (BufferedReader in = open(file); CSVParser p = CSV.parse(in)) {
            Iterator<CSVRecord> it = p.iterator();
            if (!it.hasNext()) {
                throw new DataException(src + ": the file is empty; a CSV table starts with a header row");
            }
            List<String> names = header(src, it.next().toList());
            List<String[]> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            while (it.hasNext()) {
                CSVRecord r = it.next();
                String[] cells = r.values();
                // The parser counts lines up to the end of the record; quoted line breaks move its start back.
                long end = p.getCurrentLineNumber();
                long start = end - Arrays.stream(cells).mapToLong(TableReaders::breaks).sum();
                if (cells.length != names.size()) {
                    throw new DataException(src + ": line " + start + " has " + cells.length + " field"
                            + (cells.length == 1 ? "" : "s") + ", the header has " + names.size());
                }
                rows.add(cells);
                lines.add((int) start);
            }
            return done(src, names, rows, lines);
        } catch (UncheckedIOException e) {
            throw unreadable(src, e.getCause());
        } catch (IOException e) {
            throw unreadable(src, e);
        }
    }

    static RawTable jsonLines(Path file) {
        String src = file.toString();
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Map<Integer, String>> cells = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = open(file)) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    cells.add(row(src, n, line, columns));
                    lines.add(n);
                }
            }
        } catch (IOException e) {
            throw unreadable(src, e);
        }
        return keyed(src, columns, cells, lines);
    }

    /**
     * The table of rows read as objects (JSON lines, a JSON array): {@code columns} numbers the field names in order
     * of first appearance, each row maps column numbers to texts, and a field a row lacks is missing there.
     */
    static RawTable keyed(String src, Map<String, Integer> columns, List<Map<Integer, String>> cells,
                          List<Integer> lines) {
        List<String[]> rows = new ArrayList<>();
        for (Map<Integer, String> m : cells) {
            String[] r = new String[columns.size()];
            m.forEach((c, v) -> r[c] = v);
            rows.add(r);
        }
        return done(src, new ArrayList<>(columns.keySet()), rows, lines);
    }

    /** One JSON lines row: its fields' values as text, by column index; new field names become new columns. */
    private static Map<Integer, String> row(String src, int line, String text, Map<String, Integer> columns) {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DataException(src + ": line " + line + " is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (o == null || !o.isObject()) {
            throw new DataException(src + ": line " + line + " must be one JSON object (a row), got " + text);
        }
        Map<Integer, String> row = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (v.isContainerNode()) {
                throw new DataException(src + ": line " + line + ", field \"" + f.getKey() + "\": a table cell must "
                        + "be a string, number, boolean or null, got " + v);
            }
            if (f.getKey().isBlank()) {
                throw new DataException(src + ": line " + line + " has a field with an empty name");
            }
            Integer c = columns.computeIfAbsent(f.getKey(), k -> columns.size());
            if (!v.isNull()) {
                row.put(c, v.asText());
            }
        }
        return row;
    }

    /** Checks the header names: present, non-empty, distinct. A UTF-8 byte order mark is not part of the first. */
    private static List<String> header(String src, List<String> raw) {
        List<String> names = new ArrayList<>(raw);
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.isBlank()) {
                throw new DataException(src + ": line 1 (the header): column " + (i + 1) + " has no name");
            }
            Integer before = seen.putIfAbsent(n, i);
            if (before != null) {
                throw new DataException(src + ": line 1 (the header): column name \"" + n + "\" appears twice "
                        + "(columns " + (before + 1) + " and " + (i + 1) + ")");
            }
        }
        return names;
    }

    private static RawTable done(String src, List<String> names, List<String[]> rows, List<Integer> lines) {
        if (rows.isEmpty()) {
            throw new DataException(src + ": the table has no rows");
        }
        return new RawTable(src, List.copyOf(names), rows, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    static BufferedReader open(Path file) throws IOException {
        try {
            // Strict UTF-8: a Latin-1 file fails loudly rather than turning accents into replacement characters.
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such table file");
        }
    }

    static DataException unreadable(String src, Throwable e) {
        if (e instanceof CharacterCodingException) {
            return new DataException(src + ": the table is not valid UTF-8 text" + where(Path.of(src)), e);
        }
        return new DataException(src + ": cannot read the table (" + e.getMessage() + ")", e);
    }

    /**
     * Where the first byte that is not UTF-8 sits in {@code file}: ", line L, field F (byte B of the line)", the field
     * counted by commas (quotes ignored: a hint, not a parse); empty when the file cannot be read again.
     */
    static String where(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
        int line = 1;
        int lineStart = 0;
        int field = 1;
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xff;
            int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            boolean ok = len > 0 && i + len <= b.length;
            for (int k = 1; ok && k < len; k++) {
                ok = (b[i + k] & 0xC0) == 0x80;
            }
            if (!ok) {
                return ", line " + line + ", field " + field + " (byte " + (i - lineStart + 1) + " of the line, 0x"
                        + String.format("%02X", c) + "; save the file as UTF-8)";
            }
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                field = 1;
            } else if (c == ',') {
                field++;
            }
            i += len;
        }
        return "";
    }

    /** Line breaks in a cell, counted as the CSV parser counts them: CR LF is one. */
    private static long breaks(String cell) {
        long n = 0;
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '\n' || ch == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n')) {
                n++;
            }
        }
        return n;
    }
}
