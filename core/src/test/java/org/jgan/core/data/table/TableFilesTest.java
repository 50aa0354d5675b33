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

class TableFilesTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static String error(Runnable r) {
        return assertThrows(DataException.class, r::run).getMessage();
    }

    @Test
    void csvRoundTripKeepsQuotedFieldsUnicodeAndMissing() throws IOException {
        String text = "note,amount,count,day,ok\n"
                + "\"a, b\",1.5,3,2024-03-01,true\n"
                + "\"two\nlines\",,-4,,false\n"
                + "\"say \"\"hi\"\"\",-0.001,,2024-03-02,\n"
                + "Zürich — 東京,1e14,7,2024-03-03,true\n";
        Table t = Table.readCsv(file("in.csv", text));
        assertEquals(4, t.rows());
        assertEquals("a, b", t.cell(0, 0));
        assertEquals("two\nlines", t.cell(0, 1));
        assertEquals("say \"hi\"", t.cell(0, 2));
        assertEquals("Zürich — 東京", t.cell(0, 3));
        Path out = dir.resolve("out.csv");
        t.writeCsv(out);
        Table back = Table.readCsv(out);
        assertEquals(t.schema().toString(), back.schema().toString());
        for (int c = 0; c < t.columns(); c++) {
            for (int r = 0; r < t.rows(); r++) {
                assertEquals(t.cell(c, r), back.cell(c, r), "column " + c + " row " + r);
                assertEquals(t.isMissing(c, r), back.isMissing(c, r));
            }
        }
        String written = Files.readString(out);
        assertTrue(written.contains("\n3,") || written.contains(",3,"), "integers are written without a point");
        assertTrue(written.contains("1.5,3,2024-03-01,true"), written);
        assertTrue(written.contains(",100000000000000,") && written.contains(",-0.001,"), "no exponent for numbers people write plainly");
        assertTrue(!Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void missingValuesAreCountedPerColumn() throws IOException {
        Table t = Table.readCsv(file("m.csv", "a,b,c\n1,x,\n,y,\n3, ,\n4,x,2\n"));
        assertEquals(0.25, t.missingRate(0));
        assertEquals(0.25, t.missingRate(1), "a blank cell is missing");
        assertEquals(0.75, t.missingRate(2));
        assertTrue(Double.isNaN(t.number(0, 1)));
        assertEquals(-1, t.code(1, 2));
        assertEquals(List.of("x", "y"), t.categories(1), "missing is not a category of the table");
        // "NA" is a value unless the schema says it means missing
        Path na = file("na.csv", "a,b\n1,NA\n2,x\nNA,x\n");
        assertEquals(ColumnType.CATEGORICAL, Table.readCsv(na).type(0));
        Table declared = Table.readCsv(na, SchemaOverrides.none().missing("NA"));
        assertEquals(ColumnType.INTEGER, declared.type(0));
        assertEquals(1.0 / 3, declared.missingRate(0), 1e-12);
        assertEquals(1.0 / 3, declared.missingRate(1), 1e-12);
    }

    @Test
    void oneColumnTableKeepsMissingRowsThroughCsv() throws IOException {
        Table t = Table.readCsv(file("one.csv", "a\n1\n\"\"\n3\n"));
        assertEquals(3, t.rows());
        Path out = dir.resolve("one-out.csv");
        t.writeCsv(out);
        Table back = Table.readCsv(out);
        assertEquals(3, back.rows());
        assertTrue(back.isMissing(0, 1));
    }

    @Test
    void badCsvShapesNameTheFileAndLine() throws IOException {
        String none = error(() -> Table.readCsv(dir.resolve("none.csv")));
        assertTrue(none.contains("none.csv") && none.contains("no such"), none);
        // the quoted line break puts the short row on line 5, not on the 4th line break
        String ragged = error(() -> read("r.csv", "a,b\n1,2\n\"x\ny\",2\n3\n"));
        assertTrue(ragged.contains("r.csv: line 5 has 1 field, the header has 2"), ragged);
        String dup = error(() -> read("d.csv", "a,b,a\n1,2,3\n"));
        assertTrue(dup.contains("\"a\" appears twice (columns 1 and 3)"), dup);
        String empty = error(() -> read("e.csv", "a,,c\n1,2,3\n"));
        assertTrue(empty.contains("column 2 has no name"), empty);
        String noRows = error(() -> read("h.csv", "a,b\n"));
        assertTrue(noRows.contains("no rows"), noRows);
        String quote = error(() -> read("q.csv", "a,b\n1,\"open\n2,3\n"));
        assertTrue(quote.contains("q.csv") && quote.contains("EOF"), quote);
        Files.write(dir.resolve("latin1.csv"), "a,b\n1,x\n2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        String latin = error(() -> Table.readCsv(dir.resolve("latin1.csv")));
        assertTrue(latin.contains("not valid UTF-8 text, line 3, field 2 (byte 6 of the line, 0xE9"), latin);
    }

    @Test
    void jsonLinesTreatAbsentFieldsAsMissing() throws IOException {
        Table t = Table.readJsonLines(file("t.jsonl", """
                {"a": 1, "b": "x", "c": true}

                {"a": 2.5, "c": false, "d": "2024-01-02"}
                {"a": null, "b": "y, z", "c": true, "d": "2024-01-03"}
                """));
        assertEquals(List.of("a", "b", "c", "d"), t.schema().names());
        assertEquals(3, t.rows());
        assertEquals(ColumnType.CONTINUOUS, t.type(0));
        assertEquals(ColumnType.BOOLEAN, t.type(2));
        assertEquals(ColumnType.DATETIME, t.type(3));
        assertTrue(t.isMissing(0, 2));
        assertTrue(t.isMissing(1, 1));
        assertTrue(t.isMissing(3, 0));
        assertEquals("y, z", t.cell(1, 2));
        String nested = error(() -> read("n.jsonl", "{\"a\": 1}\n{\"a\": [1, 2]}\n"));
        assertTrue(nested.contains("n.jsonl: line 2, field \"a\""), nested);
        String notObject = error(() -> read("o.jsonl", "{\"a\": 1}\n\n[1]\n"));
        assertTrue(notObject.contains("line 3 must be one JSON object"), notObject);
        String broken = error(() -> read("b.jsonl", "{\"a\": 1\n"));
        assertTrue(broken.contains("b.jsonl: line 1 is not valid JSON"), broken);
        String twice = error(() -> read("t2.jsonl", "{\"a\": 1, \"a\": 2}\n"));
        assertTrue(twice.contains("line 1"), twice);
    }

    private Table read(String name, String text) {
        try {
            Path f = file(name, text);
            return name.endsWith(".jsonl") ? Table.readJsonLines(f) : Table.readCsv(f);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
