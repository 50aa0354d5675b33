package org.jgan.metrics.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.jgan.core.data.DataException;
import org.jgan.core.data.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FidelityTest {
    @TempDir
    Path dir;

    @Test
    void numericShapeIsOneMinusKsTimesTheMissingRateFactor() {
        Table real = TestTables.csv(dir, "r.csv", "x", "1.5", "2.5", "3.5", "4.5");
        Table syn = TestTables.csv(dir, "s.csv", "x", "1.5", "2.5", "3.5", "10.5");
        // CDFs part only above 4.5: 1 against 3/4 -> KS 1/4.
        assertEquals(0.75, Fidelity.of(real, syn).columnShapes().get(0).score(), 1e-12);
        // A second column, so that the row with x missing is not a blank line (which CSV readers skip).
        Table gappy = TestTables.csv(dir, "g.csv", "x,id", "1.5,1", "2.5,2", "3.5,3", ",4");
        real = TestTables.csv(dir, "r2.csv", "x,id", "1.5,1", "2.5,2", "3.5,3", "4.5,4");
        // Present values 1.5..3.5 against 1.5..4.5: KS 1/4; missing 1/4 against 0 -> (1 - 1/4) * (1 - 1/4).
        ColumnShape s = Fidelity.of(gappy, real).columnShapes().get(0);
        assertEquals(0.5625, s.score(), 1e-12);
        assertEquals(0.25, s.missingReal(), 1e-12);
        assertEquals("KSComplement", s.metric());
    }

    @Test
    void categoricalShapeCountsMissingAndUnseenCategoriesAsStates() {
        Table real = TestTables.csv(dir, "r.csv", "c,id", "a,1", "a,2", "b,3", ",4");
        Table syn = TestTables.csv(dir, "s.csv", "c,id", "a,1", "b,2", "b,3", "z,4");
        // real a .5 b .25 missing .25; synthetic a .25 b .5 unseen .25 -> TVD .5
        ColumnShape s = Fidelity.of(real, syn).columnShapes().get(0);
        assertEquals(0.5, s.score(), 1e-12);
        assertEquals(List.of("z"), s.unseen());
        assertEquals("TVComplement", s.metric());
    }

    @Test
    void correlationSimilarityOfTwoNumericColumns() {
        Table real = TestTables.csv(dir, "r.csv", "x,y", "1.5,1.5", "2.5,2.5", "3.5,3.5");
        Table flipped = TestTables.csv(dir, "s.csv", "x,y", "1.5,3.5", "2.5,2.5", "3.5,1.5");
        PairTrend p = Fidelity.of(real, flipped).pairTrends().get(0);
        assertEquals("CorrelationSimilarity", p.metric());
        assertEquals(0, p.score(), 1e-12); // 1 - |1 - (-1)| / 2
        Table partial = TestTables.csv(dir, "p.csv", "x,y", "1.5,1.5", "2.5,3.5", "3.5,2.5", "4.5,4.5");
        // r = 0.8 (see DistributionsTest) against r = 1: 1 - 0.2 / 2
        assertEquals(0.9, Fidelity.of(real, partial).pairTrends().get(0).score(), 1e-12);
    }

    @Test
    void contingencySimilarityOfTwoCategoricalColumns() {
        Table real = TestTables.csv(dir, "r.csv", "c,d", "a,x", "a,x", "b,y", "b,y");
        Table swapped = TestTables.csv(dir, "s.csv", "c,d", "a,y", "a,y", "b,x", "b,x");
        assertEquals(0, Fidelity.of(real, swapped).pairTrends().get(0).score(), 1e-12);
        Table half = TestTables.csv(dir, "h.csv", "c,d", "a,x", "a,y", "b,y", "b,y");
        // real ax .5 by .5; synthetic ax .25 ay .25 by .5 -> TVD .25
        Fidelity f = Fidelity.of(real, half);
        assertEquals("ContingencySimilarity", f.pairTrends().get(0).metric());
        assertEquals(0.75, f.pairTrends().get(0).score(), 1e-12);
        // Both column shapes: c is a .5 b .5 in both (1.0); d is x .5 y .5 against x .25 y .75 (0.75).
        assertEquals(0.875, f.columnShape(), 1e-12);
        assertEquals((0.875 + 0.75) / 2, f.overall(), 1e-12);
    }

    @Test
    void aCopyScoresOneEverywhere() {
        Table real = TestTables.correlated(dir, "r.csv", 200, 1);
        Fidelity f = Fidelity.of(real, real);
        assertEquals(1, f.overall(), 1e-12);
        f.columnShapes().forEach(s -> assertEquals(1, s.score(), 1e-12, s.column()));
        f.pairTrends().forEach(p -> assertEquals(1, p.score(), 1e-12, p.a() + "," + p.b()));
    }

    @Test
    void columnsAreMatchedByNameAndMismatchesNamed() {
        Table real = TestTables.csv(dir, "r.csv", "x,c", "1.5,a", "2.5,b");
        Table reordered = TestTables.csv(dir, "s.csv", "c,x", "a,1.5", "b,2.5");
        assertEquals(1, Fidelity.of(real, reordered).overall(), 1e-12);
        Table other = TestTables.csv(dir, "o.csv", "x,k", "1.5,a");
        DataException e = assertThrows(DataException.class,
                () -> SyntheticTables.checkColumns(real.schema(), other.schema(), "the synthetic table"));
        assertEquals("the synthetic table does not have the real table's columns: missing \"c\"; extra \"k\" (real "
                + "columns: x, c)", e.getMessage());
    }
}
