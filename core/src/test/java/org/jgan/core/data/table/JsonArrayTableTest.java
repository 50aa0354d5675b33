package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonArrayTableTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private String error(String text) throws IOException {
        Path f = file("bad.json", text);
        return assertThrows(DataException.class, () -> Table.readJsonArray(f)).getMessage();
    }

    @Test
    void readsAnArrayOfObjectsWithNullsAndAbsentFields() throws IOException {
        Table t = Table.readJsonArray(file("t.json", """
                [
                  {"name": "Ann", "age": 31, "score": 2.5, "member": true, "day": "2024-01-02"},
                  {"name": "Bob", "age": null, "score": 7, "member": false},
                  {"name": null, "age": 45, "score": -1e-3, "member": true, "day": "2024-01-03", "note": "x, y"}
                ]
                """));
        assertEquals(List.of("name", "age", "score", "member", "day", "note"), t.schema().names());
        assertEquals(3, t.rows());
        assertEquals(List.of(ColumnType.CATEGORICAL, ColumnType.INTEGER, ColumnType.CONTINUOUS, ColumnType.BOOLEAN,
                ColumnType.DATETIME, ColumnType.CATEGORICAL), t.schema().columns().stream().map(ColumnSpec::type).toList());
        assertTrue(t.isMissing(1, 1), "null is missing");
        assertTrue(t.isMissing(4, 1), "an absent field is missing");
        assertTrue(t.isMissing(5, 0) && t.isMissing(5, 1));
        assertTrue(t.isMissing(0, 2));
        assertEquals(45, t.number(1, 2));
        assertEquals(-0.001, t.number(2, 2), 0);
        assertEquals("x, y", t.cell(5, 2));
        assertEquals(List.of("false", "true"), t.categories(3));
        assertEquals(1, t.code(3, 0));
    }

    @Test
    void rowsKeepTheirLineForErrorsAndAByteOrderMarkIsSkipped() throws IOException {
        Path f = file("lines.json", "\uFEFF[\n{\"n\": 1},\n\n{\"n\": 2},\n{\"n\": \"three\"}\n]\n");
        Table plain = Table.readJsonArray(f);
        assertEquals(List.of("n"), plain.schema().names(), "the byte order mark is not part of the first name");
        assertEquals(ColumnType.CATEGORICAL, plain.type(0));
        String msg = assertThrows(DataException.class, () -> Table.readJsonArray(f,
                SchemaOverrides.none().declare("n", ColumnType.INTEGER, null))).getMessage();
        assertTrue(msg.contains("lines.json: line 5 (row 3)"), msg);
    }

    @Test
    void anythingButAnArrayOfFlatObjectsIsAClearError() throws IOException {
        assertTrue(error("").contains("the file is empty"));
        String object = error("{\"a\": 1}\n{\"a\": 2}\n");
        assertTrue(object.contains("array of objects") && object.contains(".jsonl"), object);
        String scalar = error("[{\"a\": 1},\n 2]");
        assertTrue(scalar.contains("line 2: row 2 must be a JSON object, got 2"), scalar);
        String nested = error("[{\"a\": 1},\n{\"a\": {\"b\": 2}}]");
        assertTrue(nested.contains("line 2, field \"a\"") && nested.contains("an object"), nested);
        String list = error("[{\"a\": [1]}]");
        assertTrue(list.contains("field \"a\"") && list.contains("an array"), list);
        String open = error("[{\"a\": 1},\n{\"a\": 2}\n");
        assertTrue(open.contains("is not valid JSON"), open);
        String after = error("[{\"a\": 1}]\n[{\"a\": 2}]");
        assertTrue(after.contains("line 2: text after the end of the array"), after);
        String twice = error("[\n{\"a\": 1, \"a\": 2}]");
        assertTrue(twice.contains("line 2") && twice.contains("Duplicate field 'a'"), twice);
        String noName = error("[{\"\": 1}]");
        assertTrue(noName.contains("empty name"), noName);
        assertTrue(error("[]").contains("no rows"));
        String none = assertThrows(DataException.class, () -> Table.readJsonArray(dir.resolve("none.json")))
                .getMessage();
        assertTrue(none.contains("none.json: no such table file"), none);
    }
}
