package org.jgan.metrics.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jgan.core.data.DataException;
import org.jgan.core.data.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UtilityTest {
    @TempDir
    Path dir;

    @Test
    void aDeterministicTargetIsLearntFromRealRows() {
        Table train = TestTables.correlated(dir, "t.csv", 400, 1);
        Table test = TestTables.correlated(dir, "h.csv", 200, 2);
        Utility u = Utility.of(train, test, train, "label", 3, "test");
        assertEquals("classification", u.task());
        UtilityScore f1 = u.scores().get(1);
        assertEquals("macroF1", f1.metric());
        assertTrue(f1.trtr() > 0.95, u.toString());
        assertEquals(f1.trtr(), f1.tstr(), 1e-12); // the same rows, the same seed: the same forest
        assertEquals(1, f1.ratio(), 1e-12);
        assertEquals(400, u.trainRows());
        // macro-F1 is the mean of the per-class F1s, and every test row belongs to one listed class
        assertEquals(f1.trtr(), u.classes().stream().mapToDouble(ClassScore::trtrF1).average().orElseThrow(), 1e-12);
        assertEquals(u.testRows(), u.classes().stream().mapToLong(ClassScore::support).sum());
        // A target that ignores x cannot be learnt from rows whose label was shuffled away from x.
        Table base = IndependentMarginals.sample(train, 400, 4);
        Utility b = Utility.of(train, test, base, "label", 3, "test");
        assertTrue(b.scores().get(1).tstr() < 0.75, b.toString());
    }

    /** Synthetic rows that never have a class the real rows have: scored, the missing class at F1 0. */
    @Test
    void aClassTheSyntheticRowsLackScoresZero() throws java.io.IOException {
        Table train = TestTables.correlated(dir, "t.csv", 400, 1);
        Table test = TestTables.correlated(dir, "h.csv", 200, 2);
        java.util.List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("t.csv"));
        java.util.List<String> hiOnly = new java.util.ArrayList<>(lines.subList(0, 1));
        lines.stream().skip(1).filter(l -> l.endsWith(",hi")).forEach(hiOnly::add);
        Table syn = TestTables.csv(dir, "s.csv", hiOnly.toArray(new String[0]));
        Utility u = Utility.of(train, test, syn, "label", 3, "test");
        ClassScore lo = u.classes().stream().filter(c -> c.label().equals("lo")).findFirst().orElseThrow();
        assertEquals(0, lo.tstrF1(), 0);
        assertTrue(lo.trtrF1() > 0.9, u.toString());
        assertTrue(u.scores().get(1).tstr() < u.scores().get(1).trtr(), u.toString());
    }

    @Test
    void aNumericTargetIsARegression() {
        Table train = TestTables.correlated(dir, "t.csv", 400, 1);
        Table test = TestTables.correlated(dir, "h.csv", 200, 2);
        Utility u = Utility.of(train, test, train, "y", 3, "test");
        assertEquals("regression", u.task());
        assertEquals("mae", u.scores().get(0).metric());
        assertTrue(u.classes().isEmpty());
        assertTrue(u.scores().get(1).trtr() > 0.9, u.toString()); // y = 2x + noise
    }

    @Test
    void aBadTargetIsNamed() {
        Table train = TestTables.csv(dir, "t.csv", "x,k", "1.5,a", "2.5,a");
        DataException e = assertThrows(DataException.class, () -> Utility.of(train, train, train, "nope", 1, ""));
        assertEquals("target column \"nope\" is not in the real table (its columns: x, k)", e.getMessage());
        e = assertThrows(DataException.class, () -> Utility.of(train, train, train, "k", 1, ""));
        assertTrue(e.getMessage().startsWith("target column \"k\" is constant (\"a\")"), e.getMessage());
    }
}
