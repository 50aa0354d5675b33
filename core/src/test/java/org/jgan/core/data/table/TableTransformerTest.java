package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jgan.core.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTransformerTest {
    private static final String[] CITIES = {"Paris", "Lyon", "Nice", "Lille"};

    @TempDir
    Path dir;

    /** 300 rows: bimodal amount (2 decimals), age, day, city, member; some cells missing. */
    private Table mixed() throws IOException {
        Random r = new Random(3);
        StringBuilder b = new StringBuilder("amount,age,day,city,member\n");
        for (int i = 0; i < 300; i++) {
            double amount = r.nextBoolean() ? 20 + 3 * r.nextGaussian() : 250 + 30 * r.nextGaussian();
            b.append(i % 7 == 0 ? "" : String.format("%.2f", amount)).append(',')
                    .append(18 + r.nextInt(70)).append(',')
                    .append(i % 11 == 0 ? "" : java.time.LocalDate.of(2020, 1, 1).plusDays(r.nextInt(1500))).append(',')
                    .append(i % 13 == 0 ? "" : CITIES[r.nextInt(i < 150 ? 3 : 4)]).append(',')
                    .append(r.nextInt(3) == 0 ? "yes" : "no").append('\n');
        }
        Path f = dir.resolve("mixed.csv");
        Files.writeString(f, b.toString());
        return Table.readCsv(f);
    }

    @Test
    void roundTripReproducesTheTable() throws IOException {
        Table t = mixed();
        assertEquals(List.of(ColumnType.CONTINUOUS, ColumnType.INTEGER, ColumnType.DATETIME, ColumnType.CATEGORICAL,
                ColumnType.BOOLEAN), t.schema().columns().stream().map(ColumnSpec::type).toList());
        TableTransformer tf = TableTransformer.fit(t, 42);
        Table back = tf.inverse(tf.transformLikeliest(t), t.rows());
        for (int c = 0; c < t.columns(); c++) {
            for (int r = 0; r < t.rows(); r++) {
                assertEquals(t.isMissing(c, r), back.isMissing(c, r), "missing, column " + c + " row " + r);
                if (t.type(c).numeric() && !t.isMissing(c, r)) {
                    assertEquals(t.number(c, r), back.number(c, r), 1e-6 * Math.abs(t.number(c, r)) + 1e-9);
                }
                assertEquals(t.cell(c, r), back.cell(c, r), "column " + c + " row " + r);
            }
        }
        // the sampled encoding changes with the seed, and not for the same seed
        assertArrayEquals(tf.transform(t, 1), tf.transform(t, 1));
        assertFalse(java.util.Arrays.equals(tf.transform(t, 1), tf.transform(t, 2)));
    }

    /**
     * A missing number's value part (beside its flag) holds the column mean with MEAN, a draw from the column's
     * mixture with DRAW: read back as if present, the drawn values sit in the two modes as present ones do, where the
     * mean sits between them, where no real value is.
     */
    @Test
    void missingNumbersAreFilledWithTheMeanOrDrawnFromTheMixture() throws IOException {
        Random r = new Random(5);
        StringBuilder b = new StringBuilder("amount,id\n");  // two columns: a one-column CSV's blank line is no row
        for (int i = 0; i < 400; i++) {
            double amount = r.nextBoolean() ? 20 + 3 * r.nextGaussian() : 250 + 30 * r.nextGaussian();
            b.append(i % 5 < 3 ? "" : String.format("%.2f", amount)).append(",r").append(i).append('\n');  // 60% missing
        }
        Path f = dir.resolve("missing.csv");
        Files.writeString(f, b.toString());
        Table t = Table.readCsv(f);
        TableTransformer tf = TableTransformer.fit(t, 7);
        OutputSpan flag = tf.spans().stream().filter(s -> s.part().equals("missing")).findFirst().orElseThrow();
        for (MissingFill fill : MissingFill.values()) {
            float[] v = tf.transform(t, 3, fill);
            int low = 0;
            int high = 0;
            Set<Double> seen = new HashSet<>();
            for (int row = 0; row < t.rows(); row++) {
                int at = row * tf.width() + flag.start();
                assertEquals(t.isMissing(0, row) ? 1f : 0f, v[at + 1], "the flag says missing, whatever the fill");
                v[at] = 1f;  // read every value part back as if present
                v[at + 1] = 0f;
            }
            Table back = tf.inverse(v, t.rows());
            for (int row = 0; row < t.rows(); row++) {
                if (t.isMissing(0, row)) {
                    double x = back.number(0, row);
                    seen.add(x);
                    low += x < 60 ? 1 : 0;
                    high += x > 150 ? 1 : 0;
                }
            }
            int missing = t.missingCount(0);
            if (fill == MissingFill.MEAN) {
                double mean = 0;
                for (int row = 0; row < t.rows(); row++) {
                    mean += t.isMissing(0, row) ? 0 : t.number(0, row) / (t.rows() - missing);
                }
                assertEquals(1, seen.size(), "every missing row holds the mean");
                assertEquals(mean, seen.iterator().next(), 0.01, "the present values' mean, to the column's grain");
                assertEquals(0, low + high, "the mean lies between the modes: " + seen);
            } else {
                assertTrue(seen.size() > missing / 2, "drawn values differ: " + seen.size() + " of " + missing);
                assertTrue(low > missing / 4 && high > missing / 4 && low + high > 0.95 * missing,
                        "drawn values sit in the modes: " + low + " low, " + high + " high of " + missing);
            }
        }
        assertArrayEquals(tf.transform(t, 3, MissingFill.DRAW), tf.transform(t, 3, MissingFill.DRAW), "seeded");
        assertEquals(MissingFill.DRAW, MissingFill.of("draw", "k"));
        assertThrows(org.jgan.core.config.ConfigException.class, () -> MissingFill.of("median", "ctgan.missingFill"));
    }

    @Test
    void spansLayTheVectorOut() throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "x,c,b\n5,a,true\n,b,\n5,a,true\n");
        Table t = Table.readCsv(f, SchemaOverrides.none().declare("x", ColumnType.CONTINUOUS, null));
        TableTransformer tf = TableTransformer.fit(t, 1);
        assertEquals(List.of(
                new OutputSpan("x", 0, "value", 0, 1, SpanKind.TANH),
                new OutputSpan("x", 0, "mode", 1, 1, SpanKind.SOFTMAX),
                new OutputSpan("x", 0, "missing", 2, 2, SpanKind.SOFTMAX),
                new OutputSpan("c", 1, "category", 4, 2, SpanKind.SOFTMAX),
                new OutputSpan("b", 2, "category", 6, 2, SpanKind.SOFTMAX)), tf.spans());
        assertEquals(8, tf.width());
        assertEquals(List.of("c", "b"), tf.discreteSpans().stream().map(OutputSpan::column).toList());
        float[] v = tf.transformLikeliest(t);
        // row 2: x missing (alpha 0 at the mean, mode 0, flag), c = "b", b missing ("false" was never seen)
        assertArrayEquals(new float[]{0, 1, 0, 1, 0, 1, 0, 1}, java.util.Arrays.copyOfRange(v, 8, 16));
        assertArrayEquals(new float[]{0, 1, 1, 0, 1, 0, 1, 0}, java.util.Arrays.copyOfRange(v, 0, 8));
    }

    @Test
    void arbitraryVectorsGiveOnlyTrainingCategoriesAndRanges() throws IOException {
        Table t = mixed();
        TableTransformer tf = TableTransformer.fit(t, 42);
        Random r = new Random(9);
        float[] noise = new float[500 * tf.width()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (3 * r.nextGaussian());
        }
        Table g = tf.inverse(noise, 500);
        Set<String> cities = new HashSet<>();
        for (int i = 0; i < g.rows(); i++) {
            if (!g.isMissing(1, i)) {
                double age = g.number(1, i);
                assertTrue(age == Math.rint(age) && age >= 18 && age <= 87, "age " + age);
            }
            if (!g.isMissing(2, i)) {
                assertEquals(0, g.number(2, i) % 86400, "whole days");
            }
            cities.add(g.cell(3, i));
            assertTrue(Set.of("yes", "no").contains(g.cell(4, i)), "the member column had no missing values");
        }
        assertTrue(Set.of("Paris", "Lyon", "Nice", "Lille", "").containsAll(cities), cities.toString());
        assertTrue(cities.contains(""), "missing is generated where the column had it");
    }

    @Test
    void fittedStateRoundTripsThroughJson() throws IOException {
        Table t = mixed();
        TableTransformer tf = TableTransformer.fit(t, 42);
        Path file = dir.resolve("run/transformer.json");
        tf.save(file);
        TableTransformer back = TableTransformer.load(file);
        assertEquals(tf.spans(), back.spans());
        assertEquals(tf.schema().toString(), back.schema().toString());
        float[] v = tf.transformLikeliest(t);
        assertArrayEquals(v, back.transformLikeliest(t));
        assertArrayEquals(tf.transform(t, 5), back.transform(t, 5));
        Table a = tf.inverse(v, t.rows());
        Table b = back.inverse(v, t.rows());
        for (int c = 0; c < t.columns(); c++) {
            for (int r = 0; r < t.rows(); r++) {
                assertEquals(a.cell(c, r), b.cell(c, r));
            }
        }
        Files.writeString(file, Files.readString(file).replace(TableTransformer.FORMAT, "other"));
        String m = assertThrows(DataException.class, () -> TableTransformer.load(file)).getMessage();
        assertTrue(m.contains("not a table transformer file"), m);
    }

    @Test
    void tablesItWasNotFitOnAreRefused() throws IOException {
        Table t = mixed();
        TableTransformer tf = TableTransformer.fit(t, 1);
        Path f = dir.resolve("new.csv");
        Files.writeString(f, "amount,age,day,city,member\n1.5,30,2021-01-01,Rome,yes\n");
        String m = assertThrows(DataException.class, () -> tf.transform(Table.readCsv(f), 1)).getMessage();
        assertTrue(m.contains("column \"city\", row 1: category \"Rome\" was not seen"), m);
        Files.writeString(f, "amount,age,day,city,member\n1.5,30,2021-01-01,Nice,\n");
        m = assertThrows(DataException.class, () -> tf.transform(Table.readCsv(f,
                SchemaOverrides.none().declare("member", ColumnType.BOOLEAN, null)), 1)).getMessage();
        assertTrue(m.contains("column \"member\", row 1: a missing value was not seen"), m);
        Files.writeString(f, "amount,age\n1.5,30\n");
        m = assertThrows(DataException.class, () -> tf.transform(Table.readCsv(f), 1)).getMessage();
        assertTrue(m.contains("are not the ones the table transformer was fit on"), m);
        assertThrows(IllegalArgumentException.class, () -> tf.inverse(new float[tf.width() + 1], 1));
    }
}
