package org.jgan.metrics.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.core.data.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReportTest {
    @TempDir
    Path dir;

    @Test
    void aCopyOfTrainBeatsTheBaselineOnFidelityAndIsFlagged() throws Exception {
        Table train = TestTables.correlated(dir, "t.csv", 300, 1);
        Table holdout = TestTables.correlated(dir, "h.csv", 100, 2);
        TableReport r = TableReport.compute(train, holdout, train, "label", 5);
        assertEquals(1, r.synthetic().fidelity().overall(), 1e-12);
        assertTrue(r.baseline().fidelity().overall() < r.synthetic().fidelity().overall());
        assertTrue(r.synthetic().privacy().memorisation());
        assertTrue(!r.baseline().privacy().memorisation(), r.baseline().privacy().message());
        Path json = dir.resolve("r.json");
        r.writeJson(json);
        JsonNode n = new ObjectMapper().readTree(Files.readString(json));
        assertEquals("label", n.path("target").asText());
        assertEquals(1.0, n.path("synthetic").path("fidelity").path("overall").asDouble(), 1e-12);
        assertEquals(4, n.path("synthetic").path("fidelity").path("columnShapes").size());
    }

    @Test
    void withoutHoldoutUtilitySplitsTheRealTableAndSaysSo() {
        Table train = TestTables.correlated(dir, "t.csv", 200, 1);
        Table syn = TestTables.correlated(dir, "s.csv", 200, 3);
        TableReport r = TableReport.compute(train, null, syn, "label", 5);
        assertEquals(40, r.synthetic().utility().testRows());
        assertTrue(r.notes().stream().anyMatch(s -> s.contains("80/20")), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(s -> s.contains("no held-out")), r.notes().toString());
        assertTrue(Double.isNaN(r.synthetic().privacy().dcrHoldoutMedian()));
        assertNull(TableReport.compute(train, null, syn, null, 5).synthetic().utility());
    }
}
