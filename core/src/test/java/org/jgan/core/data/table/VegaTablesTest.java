package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real tables from vega-datasets, as scripts/install-tables installs them. Skipped (not failed) where they are not
 * installed, so the offline build needs nothing beyond the repository. The expected numbers were counted from the
 * files themselves (sha256-pinned by the install script).
 */
class VegaTablesTest {
    private static Table open(String name) {
        assumeTrue(TableSources.installed(name), name + " is not installed under " + TableSources.tablesDir()
                + " (scripts/install-tables installs it)");
        return TableSources.open(name);
    }

    @Test
    void seattleWeatherHasItsTypesClassesAndZeroInflatedRain() {
        Table t = open("seattle-weather");
        assertEquals(1461, t.rows(), "four years of days, 2012-2015");
        assertEquals(List.of("date", "precipitation", "temp_max", "temp_min", "wind", "weather"), t.schema().names());
        assertEquals(List.of(ColumnType.DATETIME, ColumnType.CONTINUOUS, ColumnType.CONTINUOUS, ColumnType.CONTINUOUS,
                ColumnType.CONTINUOUS, ColumnType.CATEGORICAL),
                t.schema().columns().stream().map(ColumnSpec::type).toList());
        assertEquals("uuuu-MM-dd", t.schema().column(0).format());
        int weather = t.columnIndex("weather");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r = 0; r < t.rows(); r++) {
            counts.merge(t.categories(weather).get(t.code(weather, r)), 1, Integer::sum);
        }
        assertEquals(Map.of("drizzle", 53, "rain", 641, "sun", 640, "snow", 26, "fog", 101), counts);
        assertEquals(List.of("drizzle", "rain", "sun", "snow", "fog"), t.categories(weather), "first appearance");
        int rain = t.columnIndex("precipitation");
        int zeros = 0;
        for (int r = 0; r < t.rows(); r++) {
            zeros += t.number(rain, r) == 0 ? 1 : 0;
        }
        assertEquals(838, zeros, "57% of days are dry: a point mass at 0 beside a long tail (max 55.9 mm)");
        for (int c = 0; c < t.columns(); c++) {
            assertEquals(0, t.missingCount(c), t.schema().column(c).name());
        }
        assertEquals(java.time.LocalDate.of(2015, 12, 31).toEpochDay() * 86400.0, t.number(0, t.rows() - 1));
    }

    @Test
    void seattleWeatherSurvivesTheTransformerRoundTrip() {
        Table t = open("seattle-weather");
        TableTransformer tf = TableTransformer.fit(t, 7);
        Table back = tf.inverse(tf.transformLikeliest(t), t.rows());
        for (int c = 0; c < t.columns(); c++) {
            for (int r = 0; r < t.rows(); r++) {
                assertEquals(t.cell(c, r), back.cell(c, r), t.schema().column(c).name() + " row " + r);
            }
        }
    }

    @Test
    void moviesMixesTypesWithMissingValues() {
        Table t = open("movies");
        assertEquals(3201, t.rows());
        assertEquals(15, t.columns(), "16 in the file, Title left out as an identifier");
        assertEquals(-1, t.schema().indexOf("Title"));
        assertTrue(t.leftOut().get(0).startsWith("Title: left out as an identifier (3176 distinct values in 3200 "),
                t.leftOut().toString());
        Map<String, ColumnType> expected = Map.of("Director", ColumnType.CATEGORICAL,
                "US Gross", ColumnType.INTEGER, "Production Budget", ColumnType.INTEGER,
                "Release Date", ColumnType.DATETIME, "MPAA Rating", ColumnType.CATEGORICAL,
                "Running Time min", ColumnType.INTEGER, "Major Genre", ColumnType.CATEGORICAL,
                "Rotten Tomatoes Rating", ColumnType.INTEGER, "IMDB Rating", ColumnType.CONTINUOUS,
                "IMDB Votes", ColumnType.INTEGER);
        expected.forEach((name, type) -> assertEquals(type, t.type(t.columnIndex(name)), name));
        // counted from the file: JSON nulls per column
        assertEquals(2637, t.missingCount(t.columnIndex("US DVD Sales")));
        assertEquals(605, t.missingCount(t.columnIndex("MPAA Rating")));
        assertEquals(213, t.missingCount(t.columnIndex("IMDB Rating")));
        assertEquals(0, t.missingCount(t.columnIndex("Release Date")));
        assertTrue(t.missingRate(t.columnIndex("Running Time min")) > 0.6);
        int rating = t.columnIndex("MPAA Rating");
        assertEquals(7, t.categories(rating).size(), "R, PG-13, PG, Not Rated, G, NC-17, Open");
    }
}
