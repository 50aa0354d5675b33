package org.jgan.metrics.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jgan.core.data.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyTest {
    @TempDir
    Path dir;

    @Test
    void dcrAndExactCopiesOnAThreeRowTable() {
        Table train = TestTables.csv(dir, "t.csv", "x,c", "0.5,a", "10.5,b", "5.5,a");
        Table syn = TestTables.csv(dir, "s.csv", "x,c", "0.5,a", "2.5,a", "10.5,z", ",a");
        Gower g = new Gower(train);
        double[] d = g.closest(g.rows(new Aligned(train, syn)), g.rows(new Aligned(train, train)));
        // Range of x is 10. (0.5,a): a copy. (2.5,a): to (0.5,a) (0.2 + 0) / 2 = 0.1. (10.5,z): z equals no real
        // category, to (10.5,b) (0 + 1) / 2 = 0.5. (missing,a): missing against present counts 1 -> (1 + 0) / 2.
        assertArrayEquals(new double[] {0, 0.1, 0.5, 0.5}, d, 1e-12);
        Privacy p = Privacy.of(train, null, syn, 1);
        assertEquals(0.25, p.exactCopies(), 1e-12);
        assertEquals(0.3, p.dcrTrainMedian(), 1e-12);
        assertEquals(0.015, p.dcrTrainP5(), 1e-12); // 0 + 0.15 * (0.1 - 0)
        assertFalse(p.memorisation());
        assertTrue(p.message().contains("no held-out"), p.message());
    }

    @Test
    void gowerCapsFarValuesAndTreatsBothMissingAsEqual() {
        Table train = TestTables.csv(dir, "t.csv", "x,c", "0.5,a", "1.5,");
        Gower g = new Gower(train);
        double[][] rows = g.rows(new Aligned(train, TestTables.csv(dir, "s.csv", "x,c", "100.5,", "1.5,b")));
        double[][] ref = g.rows(new Aligned(train, train));
        assertEquals(0.5, g.distance(rows[0], ref[1]), 1e-12); // x capped at 1, both c missing 0
        assertEquals(1.0, g.distance(rows[1], ref[0]), 1e-12); // x: 1/1, c: b is not a
    }

    @Test
    void aCopyOfTheTrainingTableIsFlagged() {
        Table train = TestTables.correlated(dir, "t.csv", 300, 1);
        Table holdout = TestTables.correlated(dir, "h.csv", 100, 2);
        Privacy p = Privacy.of(train, holdout, train, 3);
        assertEquals(1, p.exactCopies(), 0);
        assertEquals(0, p.dcrTrainMedian(), 0);
        assertTrue(p.dcrHoldoutMedian() > 0);
        assertTrue(p.memorisation());
        assertTrue(p.message().startsWith("possible memorisation"), p.message());
        assertEquals(100, p.holdoutRows());
    }

    @Test
    void freshRowsFromTheSameDistributionAreNotFlagged() {
        Table train = TestTables.correlated(dir, "t.csv", 300, 1);
        Table holdout = TestTables.correlated(dir, "h.csv", 100, 2);
        Table fresh = TestTables.correlated(dir, "s.csv", 300, 4);
        Privacy p = Privacy.of(train, holdout, fresh, 3);
        assertFalse(p.memorisation(), p.message());
        assertEquals(0, p.exactCopies(), 0);
        assertTrue(p.message().startsWith("no sign"), p.message());
    }
}
