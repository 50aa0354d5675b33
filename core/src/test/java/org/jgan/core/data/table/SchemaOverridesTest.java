package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaOverridesTest {
    private static final String DATA = "weather,date,n,flag\n1,2024/01/31,5,0\n2,2024/02/01,6,1\n1,2024/02/02,7,1\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private String error(String schema) throws IOException {
        Path data = file("data.csv", DATA);
        Path s = file("schema.json", schema);
        return assertThrows(DataException.class, () -> Table.readCsv(data, SchemaOverrides.load(s))).getMessage();
    }

    @Test
    void declaredTypesOverrideInference() throws IOException {
        Path data = file("data.csv", DATA);
        Table inferred = Table.readCsv(data);
        assertEquals(ColumnType.INTEGER, inferred.type(0));
        assertEquals(ColumnType.CATEGORICAL, inferred.type(1), "yyyy/MM/dd is not ISO");
        Path s = file("schema.json", """
                {"columns": {"weather": "categorical", "date": {"type": "datetime", "format": "yyyy/MM/dd"},
                             "n": "CONTINUOUS", "flag": "boolean"}}
                """);
        Table t = Table.readCsv(data, SchemaOverrides.load(s));
        assertEquals(ColumnType.CATEGORICAL, t.type(0));
        assertEquals(ColumnType.DATETIME, t.type(1));
        assertEquals(ColumnType.CONTINUOUS, t.type(2));
        assertEquals(ColumnType.BOOLEAN, t.type(3));
        assertEquals(19753 * 86400.0, t.number(1, 0));
        assertEquals("2024/02/01", t.cell(1, 1), "written back in the declared format");
        assertEquals("1", t.cell(3, 1), "a 0/1 boolean keeps its spelling");
        assertEquals(1, t.code(3, 2));
    }

    @Test
    void datetimeWithoutFormatTakesTheIsoPatternOfItsValues() throws IOException {
        Path data = file("d.csv", "d\n2024-01-01T10:00\n2024-01-02T11:30\n");
        Table t = Table.readCsv(data, SchemaOverrides.none().declare("d", ColumnType.DATETIME, null));
        assertEquals("uuuu-MM-dd'T'HH:mm", t.schema().column(0).format());
        Path mixed = file("m.csv", "d\n2024-01-01T10:00\n2024-01-02\n");
        String m = assertThrows(DataException.class, () -> Table.readCsv(mixed,
                SchemaOverrides.none().declare("d", ColumnType.DATETIME, null))).getMessage();
        assertTrue(m.contains("m.csv: line 3 (row 2), column \"d\": value \"2024-01-02\" is not in the ISO pattern"),
                m);
    }

    @Test
    void eachSchemaMistakeGetsItsOwnMessage() throws IOException {
        String unknownColumn = error("{\"columns\": {\"wether\": \"categorical\"}}");
        assertTrue(unknownColumn.contains("schema.json: declares column \"wether\" that ")
                && unknownColumn.contains("data.csv does not have (its columns: weather, date, n, flag)"),
                unknownColumn);
        String unknownType = error("{\"columns\": {\"weather\": \"text\"}}");
        assertTrue(unknownType.contains("column \"weather\": unknown type \"text\", expected one of [continuous"),
                unknownType);
        String badValue = error("{\"columns\": {\"date\": {\"type\": \"datetime\", \"format\": \"dd.MM.yyyy\"}}}");
        assertTrue(badValue.contains("data.csv: line 2 (row 1), column \"date\": value \"2024/01/31\" is not a "
                + "date-time in the format \"dd.MM.yyyy\""), badValue);
        String notInt = error("{\"columns\": {\"date\": \"integer\"}}");
        assertTrue(notInt.contains("value \"2024/01/31\" is not a whole number"), notInt);
        String notBool = error("{\"columns\": {\"n\": \"boolean\"}}");
        assertTrue(notBool.contains("column \"n\": value \"5\" is not a boolean"), notBool);
        String formatOnInt = error("{\"columns\": {\"n\": {\"type\": \"integer\", \"format\": \"yyyy\"}}}");
        assertTrue(formatOnInt.contains("a format is only for datetime columns"), formatOnInt);
        String badPattern = error("{\"columns\": {\"date\": {\"type\": \"datetime\", \"format\": \"yyyy/bb\"}}}");
        assertTrue(badPattern.contains("\"yyyy/bb\" is not a date-time pattern"), badPattern);
        String noDay = error("{\"columns\": {\"date\": {\"type\": \"datetime\", \"format\": \"HH:mm\"}}}");
        assertTrue(noDay.contains("must hold a whole date"), noDay);
        String key = error("{\"colums\": {}}");
        assertTrue(key.contains("unknown key \"colums\""), key);
        String colKey = error("{\"columns\": {\"n\": {\"type\": \"integer\", \"fmt\": 1}}}");
        assertTrue(colKey.contains("column \"n\": unknown key \"fmt\""), colKey);
        String json = error("{\"columns\": ");
        assertTrue(json.contains("schema.json: the schema file is not valid JSON"), json);
        String seasonOnInt = error("{\"columns\": {\"n\": {\"type\": \"integer\", \"season\": false}}}");
        assertTrue(seasonOnInt.contains("column \"n\": a season is only for datetime columns, this one is integer"),
                seasonOnInt);
        String seasonText = error("{\"columns\": {\"date\": {\"type\": \"datetime\", \"season\": \"no\"}}}");
        assertTrue(seasonText.contains("column \"date\": \"season\" must be true or false, got \"no\""),
                seasonText);
        String missing = error("{\"missing\": \"NA\"}");
        assertTrue(missing.contains("\"missing\" must be a list"), missing);
    }

    @Test
    void impossibleDatesAreErrorsNotRoundedDays() throws IOException {
        Path data = file("d.csv", "d\n2024/02/29\n2023/02/29\n");
        String m = assertThrows(DataException.class, () -> Table.readCsv(data,
                SchemaOverrides.none().declare("d", ColumnType.DATETIME, "yyyy/MM/dd"))).getMessage();
        assertTrue(m.contains("line 3 (row 2)") && m.contains("\"2023/02/29\""), m);
    }
}
