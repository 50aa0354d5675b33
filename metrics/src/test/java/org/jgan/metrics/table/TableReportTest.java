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
        java.util.List<String> stages = new java.util.ArrayList<>();
        TableReport quiet = TableReport.compute(train, null, syn, null, 5, stages::add);
        assertNull(quiet.synthetic().utility());
        assertEquals(java.util.List.of("column shapes and pair trends of the synthetic rows",
                "privacy (distance to closest record) of the synthetic rows",
                "column shapes and pair trends of the baseline (independent marginals)",
                "privacy (distance to closest record) of the baseline rows"), stages, "no target: no utility stage");
        stages.clear();
        TableReport.compute(train, null, syn, "label", 5, stages::add);
        assertTrue(stages.contains("utility of the synthetic rows: random forests predicting label")
                && stages.size() == 6, stages.toString());
    }

    @Test
    void orderingsEveryTrainingRowKeepsAreScoredOnBothTables() throws Exception {
        java.util.Random g = new java.util.Random(8);
        StringBuilder real = new StringBuilder("lo,hi\n");
        StringBuilder syn = new StringBuilder("lo,hi\n");
        for (int i = 0; i < 100; i++) {
            int lo = g.nextInt(50);
            real.append(lo).append(',').append(lo + 1 + g.nextInt(30)).append('\n');
            // the synthetic rows: every fourth one the wrong way round
            int a = g.nextInt(50);
            int b = a + 1 + g.nextInt(30);
            syn.append(i % 4 == 0 ? b : a).append(',').append(i % 4 == 0 ? a : b).append('\n');
        }
        Files.writeString(dir.resolve("real.csv"), real);
        Files.writeString(dir.resolve("syn.csv"), syn);
        TableReport r = TableReport.compute(Table.readCsv(dir.resolve("real.csv")), null,
                Table.readCsv(dir.resolve("syn.csv")), null, 3);
        assertEquals(1, r.synthetic().orderings().size());
        assertEquals("lo <= hi", r.synthetic().orderings().get(0).rule());
        assertEquals(0.25, r.synthetic().orderings().get(0).broken(), 1e-12);
        double base = r.baseline().orderings().get(0).broken();
        assertTrue(base > 0.05 && base < 0.5, "columns drawn apart break it by chance: " + base);
        assertEquals(0.25, new ObjectMapper().readTree(r.toJson()).path("synthetic").path("orderings").path(0)
                .path("broken").asDouble(), 1e-12);
    }
}
