package org.jgan.core.data.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.core.data.DataException;

/**
 * Reads a table stored as one JSON array of objects, one object per row ({@code [{"a": 1, "b": "x"}, ...]}), the
 * form many published data sets take (vega-datasets' movies.json, for one). Streams the file with Jackson's parser,
 * so the table is never held twice as a tree. Field names become columns in order of first appearance; a field a
 * row lacks, or a JSON null, is missing there; numbers keep the spelling of the file.
 */
final class JsonArrayReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonArrayReader() {
    }

    static RawTable read(Path file) {
        String src = file.toString();
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Map<Integer, String>> cells = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = TableReaders.open(file)) {
            skipByteOrderMark(in);
            try (JsonParser p = JSON.createParser(in)) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw new DataException(src + ": the file is empty; a JSON table is an array of objects, "
                            + "one per row");
                }
                if (t != JsonToken.START_ARRAY) {
                    String hint = t == JsonToken.START_OBJECT ? " (a file of one object per line is JSON lines: "
                            + "name it .jsonl)" : "";
                    throw new DataException(src + ": a JSON table is an array of objects, one per row, but the file "
                            + "starts with " + p.getText() + " at line " + line(p) + hint);
                }
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    int at = line(p);
                    if (t == null) {
                        throw new DataException(src + ": the array of rows is not closed with ]");
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw new DataException(src + ": line " + at + ": row " + (cells.size() + 1) + " must be "
                                + "a JSON object, got " + describe(p, t));
                    }
                    cells.add(row(src, p, columns));
                    lines.add(at);
                }
                if (p.nextToken() != null) {
                    throw new DataException(src + ": line " + line(p) + ": text after the end of the array");
                }
            }
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new DataException(src + (at > 0 ? ": line " + at : "") + " is not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw TableReaders.unreadable(src, e);
        }
        return TableReaders.keyed(src, columns, cells, lines);
    }

    /** The fields of the object the parser has just entered, as texts by column number; up to its END_OBJECT. */
    private static Map<Integer, String> row(String src, JsonParser p, Map<String, Integer> columns)
            throws IOException {
        Map<Integer, String> row = new HashMap<>();
        int at = line(p);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v.isStructStart()) {
                throw new DataException(src + ": line " + line(p) + ", field \"" + name + "\": a table cell must be "
                        + "a string, number, boolean or null, got " + (v == JsonToken.START_ARRAY ? "an array"
                        : "an object"));
            }
            if (name.isBlank()) {
                throw new DataException(src + ": line " + at + ": the row has a field with an empty name");
            }
            Integer c = columns.computeIfAbsent(name, k -> columns.size());
            if (v != JsonToken.VALUE_NULL) {
                row.put(c, p.getText());
            }
        }
        return row;
    }

    private static String describe(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the text \"" + p.getText() + "\"";
            default -> p.getText();
        };
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** Jackson reads a byte order mark only from bytes; from a reader it must be skipped first. */
    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }
}
