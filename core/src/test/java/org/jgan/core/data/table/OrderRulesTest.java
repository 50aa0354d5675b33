package org.jgan.core.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderRulesTest {
    @TempDir
    Path dir;

    private Table csv(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return Table.readCsv(f);
    }

    /**
     * 200 days: low <= mid <= high always (integers), a decimal column that is below low in some rows, and a far
     * integer column above high wherever both are present; the one row without a high has a far of -1, so far's own
     * range overlaps high's, but the ordering of the two is one of units, not a rule.
     */
    private Table days() throws IOException {
        Random r = new Random(4);
        StringBuilder b = new StringBuilder("low,mid,high,other,far\n");
        for (int i = 0; i < 200; i++) {
            int low = r.nextInt(20);
            int mid = low + r.nextInt(5);
            int high = mid + r.nextInt(5);
            b.append(low).append(',').append(mid).append(',').append(i == 7 ? "" : high).append(',')
                    .append(String.format("%.1f", low + 3 * r.nextGaussian())).append(',').append(i == 7 ? -1 : 1000 + r.nextInt(50))
                    .append('\n');
        }
        return csv("days.csv", b.toString());
    }

    @Test
    void findsTheOrderingsEveryRowKeepsAndOnlyThose() throws IOException {
        OrderRules rules = OrderRules.of(days());
        assertEquals(List.of("low <= mid", "low <= high", "mid <= high"), rules.rules().stream()
                .map(Object::toString).toList(), "not other (decimals: another type), not far (above high wherever both are there: units)");
        Table few = csv("few.csv", "a,b\n1,2\n3,4\n");
        assertTrue(OrderRules.of(few).rules().isEmpty(), "two rows say nothing");
    }

    @Test
    void rowsThatBreakAChainAreSwappedIntoOrderAndMissingValuesStay() throws IOException {
        Table t = days();
        OrderRules rules = OrderRules.of(t);
        double nan = Double.NaN;
        double[][] v = {
            {9, 5, 1, 4, nan},    // low
            {5, 9, 2, nan, 7},    // mid
            {1, 2, 3, 3, 6},      // high
            null, null};
        rules.repair(v, 5);
        assertEquals(List.of(1.0, 2.0, 1.0, 3.0, nan), List.of(v[0][0], v[0][1], v[0][2], v[0][3], v[0][4]));
        assertEquals(List.of(5.0, 5.0, 2.0, nan, 6.0), List.of(v[1][0], v[1][1], v[1][2], v[1][3], v[1][4]));
        assertEquals(List.of(9.0, 9.0, 3.0, 4.0, 7.0), List.of(v[2][0], v[2][1], v[2][2], v[2][3], v[2][4]));
        for (OrderRules.Rule rule : rules.rules()) {
            for (int r = 0; r < 5; r++) {
                assertTrue(!(v[rule.low()][r] > v[rule.high()][r]), rule + " in row " + r);
            }
        }
        Table broken = csv("b.csv", "low,mid,high,other,far\n1,2,3,0,1000\n5,4,9,0,1000\n6,7,,0,1000\n8,9,9,0,1000\n");
        assertEquals(0.25, OrderRules.broken(broken, rules.rules().get(0)), 1e-12, "one of four rows: low > mid");
        assertEquals(0.0, OrderRules.broken(broken, rules.rules().get(1)), 1e-12, "rows with a missing value count not");
    }

    @Test
    void theTransformerPutsDecodedRowsInOrderAndLeavesMissingValuesMissing() throws IOException {
        Table real = days();
        TableTransformer tf = TableTransformer.fit(real, 3);
        OrderRules rules = OrderRules.of(real, tf.schema()).where(tf::sameGrain);
        assertEquals(3, rules.rules().size(), "low, mid and high are whole numbers alike");
        // rows as a generator might write them: out of order, one high missing
        Table bent = csv("bent.csv", "low,mid,high,other,far\n15,3,9,1.5,1010\n2,9,4,0.5,1020\n12,3,,2.0,1030\n"
                + "1,2,3,0.5,1040\n");
        float[] v = tf.transformLikeliest(bent);
        Table raw = tf.inverse(v, 4);
        Table fixed = tf.inverse(v, 4, null, rules);
        assertTrue(OrderRules.broken(raw, rules.rules().get(0)) > 0, "the raw rows break low <= mid");
        for (OrderRules.Rule rule : rules.rules()) {
            assertEquals(0.0, OrderRules.broken(fixed, rule), 1e-12, rule.toString());
        }
        assertTrue(fixed.isMissing(2, 2), "the missing high stays missing");
        assertEquals(List.of("3", "9", "15"), List.of(fixed.cell(0, 0), fixed.cell(1, 0), fixed.cell(2, 0)),
                "the row's own three values, in order");
        assertEquals(List.of("3", "12"), List.of(fixed.cell(0, 2), fixed.cell(1, 2)));
        assertEquals(raw.cell(3, 0), fixed.cell(3, 0), "columns in no rule are not touched");
        assertTrue(tf.sameGrain(0, 1) && !tf.sameGrain(0, 3), "whole numbers against decimals");
    }

    private SchemaOverrides schema(String json) throws IOException {
        Path f = dir.resolve("schema.json");
        Files.writeString(f, json);
        return SchemaOverrides.load(f);
    }

    @Test
    void declaredOrderingsReplaceTheFoundOnesAndTravelWithTheSavedTransformer() throws IOException {
        Path days = dir.resolve("days.csv");
        days();  // writes days.csv
        // far <= low is broken by every row: declared, it is kept all the same (the user's word); [] keeps none
        Table t = Table.readCsv(days, schema("{\"orderings\": [\"high >= mid\", \"far <= low\"]}"));
        assertEquals(List.of("mid <= high", "far <= low"), OrderRules.of(t).rules().stream().map(Object::toString)
                .toList());
        assertTrue(OrderRules.of(Table.readCsv(days, schema("{\"orderings\": []}"))).rules().isEmpty());
        TableTransformer tf = TableTransformer.fit(t, 3);
        Path saved = dir.resolve("transformer.json");
        tf.save(saved);
        TableTransformer back = TableTransformer.load(saved);
        assertEquals(t.schema().orderings(), back.schema().orderings());
        TableTransformer undeclared = TableTransformer.fit(days(), 3);
        assertTrue(undeclared.isSavedIn(saved), "orderings aside, the same encoding: a resume may change them");
        Table reread = Table.readCsv(days, SchemaOverrides.of(back.schema()));
        OrderRules rules = OrderRules.of(reread, back.schema());
        assertEquals(List.of("mid <= high", "far <= low"), rules.rules().stream().map(Object::toString).toList());
        double[][] v = {{5}, {9}, {7}, null, {2000}};
        rules.repair(v, 1);
        assertEquals(List.of(2000.0, 7.0, 9.0, 5.0), List.of(v[0][0], v[1][0], v[2][0], v[4][0]),
                "both declared rules kept: mid and high swapped, far and low swapped");
        // without a declaration nothing is written, as runs before the key had it
        TableTransformer.fit(days(), 3).save(saved);
        assertTrue(!Files.readString(saved).contains("orderings"));
        assertEquals(null, TableTransformer.load(saved).schema().orderings());
    }

    @Test
    void badOrderingsAreRefusedNamingTheFileAndTheOrdering() throws IOException {
        Path days = dir.resolve("days.csv");
        days();
        for (String[] c : new String[][]{
            {"{\"orderings\": \"low <= mid\"}", "must be a list"},
            {"{\"orderings\": [3]}", "must hold texts"},
            {"{\"orderings\": [\"low < mid\"]}", "is written \"low <= high\""},
            {"{\"orderings\": [\"low <= mid <= high\"]}", "is written \"low <= high\""},
            {"{\"orderings\": [\"low <= low\"]}", "two different columns"},
            {"{\"orderings\": [\"low <= nope\"]}", "names a column the table does not have"},
            {"{\"orderings\": [\"low <= other\"]}", "numeric columns of one type"},
            {"{\"orderings\": [\"low <= mid\", \"mid >= low\"]}", "declared twice"},
            {"{\"orderings\": [\"low <= mid\", \"mid <= high\", \"high <= low\"]}", "cycle, low <= mid <= high <= low"}}) {
            org.jgan.core.data.DataException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.jgan.core.data.DataException.class, () -> Table.readCsv(days, schema(c[0])), c[0]);
            assertTrue(e.getMessage().contains("schema.json") && e.getMessage().contains(c[1]), e.getMessage());
        }
        Path mixed = dir.resolve("mixed.csv");
        Files.writeString(mixed, "a,b\n1.5,2.25\n0.5,3.75\n");
        Table t = Table.readCsv(mixed, schema("{\"orderings\": [\"a <= b\"]}"));
        TableTransformer tf = TableTransformer.fit(t, 1);
        org.jgan.core.data.DataException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.jgan.core.data.DataException.class, () -> tf.checkOrderings("s.json"));
        assertEquals("s.json: ordering \"a <= b\": \"a\" holds 1 decimal places, \"b\" 2 decimal places (in the "
                + "training rows), so a value moved between them would need rounding; orderings pair columns written "
                + "alike", e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Ordering("a <= b", "c"), "a name that would not read back");
        Path saved = dir.resolve("bad.json");
        tf.save(saved);
        Files.writeString(saved, Files.readString(saved).replaceFirst("\"orderings\" : \\[[^]]*]",
                "\"orderings\" : \"a <= b\""));
        e = org.junit.jupiter.api.Assertions.assertThrows(org.jgan.core.data.DataException.class,
                () -> TableTransformer.load(saved));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("must be a list"), e.getMessage());
    }
}
