package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeInferenceTest {
    @TempDir
    Path dir;

    private Table csv(String text) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, text);
        return Table.readCsv(f);
    }

    @Test
    void eachTypeIsInferredFromItsValues() throws IOException {
        Table t = csv("""
                price,count,city,member,joined,seen,zip
                1.5,3,Paris,yes,2024-01-31,2024-01-31T10:15:00,02134
                -2e3,-40,Lyon,no,2023-12-01,2023-12-01T00:00:05,10001
                0.25,12,Paris,Yes,2020-02-29,2020-02-29T23:59:59,94110
                """);
        assertEquals(List.of(ColumnType.CONTINUOUS, ColumnType.INTEGER, ColumnType.CATEGORICAL, ColumnType.BOOLEAN,
                ColumnType.DATETIME, ColumnType.DATETIME, ColumnType.CATEGORICAL),
                t.schema().columns().stream().map(ColumnSpec::type).toList());
        assertEquals("uuuu-MM-dd", t.schema().column(4).format());
        assertEquals("uuuu-MM-dd'T'HH:mm:ss", t.schema().column(5).format());
        assertEquals(-2000, t.number(0, 1));
        assertEquals(12, t.number(1, 2));
        // seconds since the epoch at UTC: 2024-01-31 is day 19753
        assertEquals(19753 * 86400.0, t.number(4, 0));
        assertEquals(19692 * 86400.0 + 5, t.number(5, 1));
        assertEquals(List.of("Paris", "Lyon"), t.categories(2));
        assertEquals(List.of(0, 1, 0), List.of(t.code(2, 0), t.code(2, 1), t.code(2, 2)));
        assertEquals(List.of("no", "yes"), t.categories(3));
        assertEquals(List.of(1, 0, 1), List.of(t.code(3, 0), t.code(3, 1), t.code(3, 2)));
        // zero-padded codes keep their zeros
        assertEquals("02134", t.cell(6, 0));
    }

    private static String ratings(int rows) {
        StringBuilder b = new StringBuilder("rating,id\n");
        for (int i = 0; i < rows; i++) {
            b.append(1 + i % 5).append(',').append(i).append('\n');
        }
        return b.toString();
    }

    @Test
    void integersWithFewFrequentValuesAreCategories() throws IOException {
        Table t = csv(ratings(100));
        assertEquals(ColumnType.CATEGORICAL, t.type(0), "5 values over 100 rows look like codes");
        assertEquals(ColumnType.INTEGER, t.type(1), "100 distinct values are numbers");
        assertEquals(List.of("1", "2", "3", "4", "5"), t.categories(0));
        // the same 5 values over 99 rows are seen fewer than 20 times each on average: numbers
        assertEquals(ColumnType.INTEGER, csv(ratings(99)).type(0));
    }

    @Test
    void mixedColumnsFallBackToCategories() throws IOException {
        Table t = csv("a,b,c,d\n1,2024-01-01,true,1.5\nx,2024-01-01T10:00:00,1,2\n");
        for (int c = 0; c < 3; c++) {
            assertEquals(ColumnType.CATEGORICAL, t.type(c), t.schema().column(c).name());
        }
        assertEquals(ColumnType.CONTINUOUS, t.type(3), "an integer among decimals is a decimal");
        assertTrue(t.categories(0).contains("x"));
    }

    @Test
    void anAllMissingColumnIsCategoricalAndFullyMissing() throws IOException {
        Table t = csv("a,b\n1,\n2,\n");
        assertEquals(ColumnType.CATEGORICAL, t.type(1));
        assertEquals(1.0, t.missingRate(1));
        assertEquals(List.of(), t.categories(1));
    }
}
