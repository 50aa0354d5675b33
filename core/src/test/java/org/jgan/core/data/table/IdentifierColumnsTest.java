package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.core.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IdentifierColumns}: near-unique text columns and columns declared "ignore" are left out, with a note. */
class IdentifierColumnsTest {
    @TempDir
    Path dir;

    /** {@code rows} rows: a name per row (unique up to {@code distinct}), a 3-level kind, a unique integer, a number. */
    private Path table(int rows, int distinct) throws IOException {
        StringBuilder b = new StringBuilder("name,kind,id,score\n");
        for (int r = 0; r < rows; r++) {
            b.append("film ").append(r % distinct).append(',').append("abc".charAt(r % 3)).append(',').append(r + 1)
                    .append(',').append(r * 0.25).append('\n');
        }
        Path f = dir.resolve("t" + rows + "-" + distinct + ".csv");
        Files.writeString(f, b.toString());
        return f;
    }

    private Path schema(String json) throws IOException {
        Path f = dir.resolve("schema.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void aNearUniqueTextColumnIsLeftOutWithANote() throws IOException {
        Table t = Table.readCsv(table(150, 150));
        assertEquals(List.of("kind", "id", "score"), t.schema().names());
        assertEquals(1, t.leftOut().size(), t.leftOut().toString());
        assertTrue(t.leftOut().get(0).startsWith("name: left out as an identifier (150 distinct values in 150 rows"),
                t.leftOut().get(0));
        assertEquals(ColumnType.INTEGER, t.type(1), "a unique integer is a number, not an identifier");
        assertEquals(t.leftOut(), t.select(new int[]{0, 2}).leftOut(), "a selection keeps the note");
        assertEquals("c", t.cell(0, 2));
        assertEquals("0.5", t.cell(2, 2));
    }

    @Test
    void belowTheThresholdsTheColumnStays() throws IOException {
        // 99 distinct values: too few to tell an identifier from a large category
        assertEquals(4, Table.readCsv(table(99, 99)).schema().size());
        // 200 rows, 150 distinct: 75% distinct, a category with repeats
        Table t = Table.readCsv(table(200, 150));
        assertEquals(List.of("name", "kind", "id", "score"), t.schema().names());
        assertEquals(List.of(), t.leftOut());
    }

    @Test
    void aDeclarationDecides() throws IOException {
        Path data = table(150, 150);
        Table kept = Table.readCsv(data, SchemaOverrides.load(schema("{\"columns\": {\"name\": \"categorical\"}}")));
        assertEquals(ColumnType.CATEGORICAL, kept.type(0));
        assertEquals(150, kept.categories(0).size());
        assertEquals(List.of(), kept.leftOut());

        Table ignored = Table.readCsv(data, SchemaOverrides.load(schema(
                "{\"columns\": {\"name\": \"categorical\", \"score\": \"Ignore\"}}")));
        assertEquals(List.of("name", "kind", "id"), ignored.schema().names());
        assertTrue(ignored.leftOut().get(0).startsWith("score: left out (declared \"ignore\" in "),
                ignored.leftOut().toString());
        assertEquals(List.of("name", "kind"), Table.readCsv(data, SchemaOverrides.none().declare("name",
                ColumnType.CATEGORICAL, null).ignore("id").ignore("score")).schema().names());
    }

    @Test
    void badDeclarationsAreErrorsNamingTheColumn() throws IOException {
        Path data = table(10, 10);
        String m = assertThrows(DataException.class, () -> Table.readCsv(data, SchemaOverrides.load(
                schema("{\"columns\": {\"title\": \"ignore\"}}")))).getMessage();
        assertTrue(m.contains("\"title\"") && m.contains("does not have"), m);
        SchemaOverrides all = SchemaOverrides.none().ignore("name").ignore("kind").ignore("id").ignore("score");
        m = assertThrows(DataException.class, () -> Table.readCsv(data, all)).getMessage();
        assertTrue(m.contains("every column is left out"), m);
        m = assertThrows(DataException.class, () -> Table.readCsv(data, SchemaOverrides.load(
                schema("{\"columns\": {\"name\": \"drop\"}}")))).getMessage();
        assertTrue(m.contains("unknown type \"drop\"") && m.contains("ignore"), m);
    }
}
