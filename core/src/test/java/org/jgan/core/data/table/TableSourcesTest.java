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

class TableSourcesTest {
    @TempDir
    Path dir;

    private String error(String spec, Path tables) {
        return assertThrows(DataException.class, () -> TableSources.open(spec, SchemaOverrides.none(), tables))
                .getMessage();
    }

    @Test
    void aNamedTableThatIsNotInstalledSaysHowToInstallItAndWhereItLooked() {
        Path empty = dir.resolve("nothing-here");
        String msg = error("seattle-weather", empty);
        assertTrue(msg.contains("\"seattle-weather\" is not installed"), msg);
        assertTrue(msg.contains("scripts/install-tables"), msg);
        assertTrue(msg.contains("seattle-weather.csv in " + empty), msg);
        assertTrue(error("movies", empty).contains("movies.json in " + empty));
    }

    @Test
    void unknownNamesAndFilesAreErrorsThatListTheNames() throws IOException {
        String typo = error("seatle-weather", dir);
        assertTrue(typo.startsWith("seatle-weather: not a named table (seattle-weather, movies)"), typo);
        String file = error(dir.resolve("none.csv").toString(), dir);
        assertTrue(file.contains("none.csv: no such table file"), file);
        Path parquet = Files.writeString(dir.resolve("t.parquet"), "PAR1");
        String format = error(parquet.toString(), dir);
        assertTrue(format.contains("t.parquet: not a table file") && format.contains(".jsonl"), format);
        assertTrue(error(" ", dir).contains("the table source is empty"));
        assertEquals(List.of("seattle-weather", "movies"), TableSources.names());
        assertThrows(IllegalArgumentException.class, () -> TableSources.installed("weather"));
    }

    @Test
    void pathsAreReadByTheirExtension() throws IOException {
        Path csv = Files.writeString(dir.resolve("t.csv"), "a,b\n1,x\n2,y\n");
        Path jsonl = Files.writeString(dir.resolve("t.JSONL"), "{\"a\": 1, \"b\": \"x\"}\n{\"a\": 2}\n");
        Path json = Files.writeString(dir.resolve("t.json"), "[{\"a\": 1, \"b\": \"x\"}, {\"a\": 2}]");
        for (Path p : List.of(csv, jsonl, json)) {
            Table t = TableSources.open(p.toString());
            assertEquals(List.of("a", "b"), t.schema().names(), p.toString());
            assertEquals(2, t.rows());
            assertEquals(ColumnType.INTEGER, t.type(0));
        }
        // JSON lines under .json: the array reader says what the file should be called
        Files.writeString(dir.resolve("lines.json"), "{\"a\": 1}\n{\"a\": 2}\n");
        assertTrue(error(dir.resolve("lines.json").toString(), dir).contains("name it .jsonl"));
    }

    @Test
    void aNamedTableReadsWithItsDeclaredColumnsUnlessTheCallerDeclaresThem() throws IOException {
        Files.writeString(dir.resolve("movies.json"), """
                [{"Title": "A", "Release Date": "Jun 12 1998", "IMDB Rating": 6.1},
                 {"Title": "B", "Release Date": "Dec 01 2003", "IMDB Rating": null}]
                """);
        Table t = TableSources.open("movies", SchemaOverrides.none(), dir);
        int date = t.columnIndex("Release Date");
        assertEquals(ColumnType.DATETIME, t.type(date));
        assertEquals(java.time.LocalDate.of(2003, 12, 1).toEpochDay() * 86400.0, t.number(date, 1));
        assertEquals("Jun 12 1998", t.cell(date, 0), "written back in the file's own spelling");
        Table declared = TableSources.open("movies",
                SchemaOverrides.none().declare("Release Date", ColumnType.CATEGORICAL, null), dir);
        assertEquals(ColumnType.CATEGORICAL, declared.type(date));
        Table plain = Table.readJsonArray(dir.resolve("movies.json"));
        assertEquals(ColumnType.CATEGORICAL, plain.type(date), "inference alone does not read this date format");
    }
}
