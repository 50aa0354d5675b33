package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeasonsTest {
    @TempDir
    Path dir;

    private static double day(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    @Test
    void placesInTheYear() {
        assertEquals(0, Seasons.yearFraction(day(2021, 1, 1)), 0);
        assertEquals(181.0 / 365, Seasons.yearFraction(day(2021, 7, 1)), 1e-12);
        assertEquals(182.0 / 366, Seasons.yearFraction(day(2020, 7, 1)), 1e-12, "a leap year has 366 days");
        // decoded as 30 December 2021 with a place of 2 January: the next 2 January, not the one 362 days before
        assertEquals(day(2022, 1, 2), Seasons.nearestAt(day(2021, 12, 30), 1.0 / 365), 1e-3);
        assertEquals(day(2021, 3, 1), Seasons.nearestAt(day(2021, 2, 20), 59.0 / 365), 1e-3);
    }

    /** Daily rows over three years: the date's season is encoded and decides the decoded date's month. */
    @Test
    void theSeasonDecidesWhereInTheYearADecodedDateFalls() throws IOException {
        StringBuilder b = new StringBuilder("date,x\n");
        for (int i = 0; i < 3 * 365; i += 3) {
            b.append(LocalDate.of(2019, 1, 1).plusDays(i)).append(',').append(i % 17).append('\n');
        }
        Path f = dir.resolve("d.csv");
        Files.writeString(f, b.toString());
        Table t = Table.readCsv(f);
        TableTransformer tf = TableTransformer.fit(t, 7);
        List<OutputSpan> season = tf.spans().stream().filter(s -> s.part().startsWith("season")).toList();
        assertEquals(List.of("season-sin", "season-cos"), season.stream().map(OutputSpan::part).toList());
        float[] v = tf.transformLikeliest(t);
        int row = 70;  // 2019-07-30
        assertEquals("2019-07-30", t.cell(0, row));
        float[] one = java.util.Arrays.copyOfRange(v, row * tf.width(), (row + 1) * tf.width());
        assertEquals("2019-07-30", tf.inverse(one, 1).cell(0, 0));
        // the same instant with the place of 20 October: the nearest 20 October to it
        double a = 2 * Math.PI * 292 / 365;
        one[season.get(0).start()] = (float) Math.sin(a);
        one[season.get(1).start()] = (float) Math.cos(a);
        assertEquals("2019-10-20", tf.inverse(one, 1).cell(0, 0));
        // a transformer saved before seasons were encoded has no such place, and loads as it was
        Path file = dir.resolve("t.json");
        tf.save(file);
        Files.writeString(file, Files.readString(file).replaceAll("\"season\"\\s*:\\s*true\\s*,?", ""));
        TableTransformer old = TableTransformer.load(file);
        assertEquals(tf.width() - 2, old.width());
        assertTrue(old.spans().stream().noneMatch(s -> s.part().startsWith("season")));
    }

    @Test
    void columnsSpanningLessThanAYearHaveNoSeason() throws IOException {
        Path f = dir.resolve("short.csv");
        Files.writeString(f, "date,x\n2020-01-01,1\n2020-06-01,2\n2020-12-30,3\n");
        TableTransformer tf = TableTransformer.fit(Table.readCsv(f), 1);
        assertTrue(tf.spans().stream().noneMatch(s -> s.part().startsWith("season")), tf.spans().toString());
    }

    /** The schema decides over the span: a long column without its season, a short one with it. */
    @Test
    void aSchemaTurnsTheSeasonOffOrOn() throws IOException {
        StringBuilder b = new StringBuilder("date,x\n");
        for (int i = 0; i < 2 * 365; i += 5) {
            b.append(LocalDate.of(2019, 1, 1).plusDays(i)).append(',').append(i % 7).append('\n');
        }
        Path longer = dir.resolve("long.csv");
        Files.writeString(longer, b.toString());
        Path schema = dir.resolve("s.json");
        Files.writeString(schema, "{\"columns\": {\"date\": {\"type\": \"datetime\", \"season\": false}}}");
        Table off = Table.readCsv(longer, SchemaOverrides.load(schema));
        assertEquals(Boolean.FALSE, off.schema().column(0).season());
        TableTransformer tf = TableTransformer.fit(off, 1);
        assertTrue(tf.spans().stream().noneMatch(s -> s.part().startsWith("season")), tf.spans().toString());
        assertEquals(2, TableTransformer.fit(Table.readCsv(longer), 1).spans().stream()
                .filter(s -> s.part().startsWith("season")).count(), "without the schema: two years, a season");
        Path shorter = dir.resolve("short.csv");
        Files.writeString(shorter, "date,x\n2020-01-01,1\n2020-06-01,2\n2020-09-30,3\n");
        Table on = Table.readCsv(shorter, SchemaOverrides.none().declare("date", ColumnType.DATETIME, null, true));
        assertEquals(2, TableTransformer.fit(on, 1).spans().stream().filter(s -> s.part().startsWith("season"))
                .count());
    }
}
