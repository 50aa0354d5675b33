package org.jgan.metrics.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jgan.core.data.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndependentMarginalsTest {
    @TempDir
    Path dir;

    @Test
    void keepsEachColumnButBreaksTheCorrelation() {
        Table train = TestTables.correlated(dir, "t.csv", 1000, 1);
        Table base = IndependentMarginals.sample(train, 4000, 7);
        assertEquals(4000, base.rows());
        int c = train.columnIndex("c");
        assertEquals(train.missingRate(c), base.missingRate(c), 0.03);
        Fidelity f = Fidelity.of(train, base);
        f.columnShapes().forEach(s -> assertTrue(s.score() > 0.95, s.toString()));
        PairTrend xy = f.pairTrends().get(0);
        assertEquals("x", xy.a());
        assertEquals("y", xy.b());
        assertTrue(xy.realCorrelation() > 0.99, xy.toString());
        assertTrue(Math.abs(xy.syntheticCorrelation()) < 0.1, xy.toString());
        // The real table's own pair trend is 1; the baseline's is near 1 - 1/2.
        assertTrue(xy.score() < 0.6, xy.toString());
        assertTrue(f.pairTrend() < Fidelity.of(train, train).pairTrend() - 0.1, f.toString());
    }

    @Test
    void theSameSeedGivesTheSameTable() {
        Table train = TestTables.correlated(dir, "t.csv", 50, 1);
        Table a = IndependentMarginals.sample(train, 30, 5);
        Table b = IndependentMarginals.sample(train, 30, 5);
        Table other = IndependentMarginals.sample(train, 30, 6);
        boolean differs = false;
        for (int r = 0; r < 30; r++) {
            for (int k = 0; k < train.columns(); k++) {
                assertEquals(a.cell(k, r), b.cell(k, r));
                differs |= !a.cell(k, r).equals(other.cell(k, r));
            }
        }
        assertTrue(differs);
    }
}
